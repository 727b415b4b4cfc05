import { useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { z } from "zod";

/**
 * The page's form, validated in the browser with the same schema the action uses. Before
 * JavaScript loads the form posts as it is and the server answers with the same messages.
 */
export function useConformForm<Schema extends z.ZodType<Record<string, unknown>>>(
  schema: Schema,
  options: {
    id?: string;
    lastResult?: SubmissionResult<string[]> | null | undefined;
    defaultValue?: Record<string, unknown>;
  },
) {
  type Input = z.input<Schema> & Record<string, unknown>;
  return useForm<Input, z.output<Schema>>({
    id: options.id,
    lastResult: options.lastResult,
    defaultValue: options.defaultValue as never,
    constraint: getZodConstraint(schema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }) as never,
  });
}
