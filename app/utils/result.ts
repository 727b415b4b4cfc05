/**
 * One shape for what a use case returns (after Oyster's `Result`): success carries its data; a
 * refusal carries the HTTP status the route answers with, the sentence the person reads, and where
 * a caller must tell refusals apart, a detail such as the `reason` or the form `field` at fault.
 */
type Nothing = Record<never, never>;

export type Refusal<Status extends number = 404 | 409, Detail extends object = Nothing> = {
  ok: false;
  status: Status;
  message: string;
} & Detail;

export type Success<Data extends object = Nothing> = { ok: true } & Data;

export type Result<Data extends object = Nothing, Status extends number = 404 | 409, Detail extends object = Nothing> =
  Success<Data> | Refusal<Status, Detail>;

export function fail<Status extends number>(status: Status, message: string): Refusal<Status>;
export function fail<Status extends number, Detail extends object>(
  status: Status,
  message: string,
  detail: Detail,
): Refusal<Status, Detail>;
export function fail(status: number, message: string, detail: object = {}): Refusal<number, object> {
  return { ok: false, status, message, ...detail };
}

export function success(): Success;
export function success<Data extends object>(data: Data): Success<Data>;
export function success(data: object = {}): Success<object> {
  return { ok: true, ...data };
}
