/** PostgreSQL's unique_violation: two writers raced for the same unique value. */
export function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === "object" && error !== null && "code" in error && (error as { code: unknown }).code === "23505"
  );
}
