export type ConnectorErrorCode =
  | "invalid_settings"
  | "missing_input"
  | "file_too_large"
  | "empty_file"
  | "binary_content"
  | "invalid_encoding"
  | "delimiter_ambiguous"
  | "invalid_header"
  | "missing_column"
  | "missing_key"
  | "unclosed_quote"
  | "invalid_quote"
  | "inconsistent_columns"
  | "record_too_long"
  | "invalid_csv"
  | "http_status"
  | "http_html"
  | "invalid_json"
  | "records_path"
  | "timeout"
  | "network"
  | "response_too_large"
  | "too_many_pages"
  | "pagination_loop"
  | "redirect_refused"
  | "aborted"
  // Target systems: the credentials were refused; the object is not there; the target refused the
  // change (constraint, schema, access); a secret would travel over an unprotected connection.
  | "credentials_refused"
  | "not_found"
  | "target_refused"
  | "insecure_connection";

/** Where the problem is, for the portal to point at; the message already says it in words. */
export interface ConnectorErrorLocation {
  file?: string;
  line?: number;
  column?: number;
  url?: string;
  status?: number;
}

/**
 * The only error a connector throws. The message is meant for an administrator: what went wrong,
 * where, and how to fix it. It never contains a secret or a stack trace.
 */
export class ConnectorError extends Error {
  override readonly name = "ConnectorError";

  constructor(
    readonly code: ConnectorErrorCode,
    message: string,
    readonly location: ConnectorErrorLocation = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  toJSON(): { code: ConnectorErrorCode; message: string } & ConnectorErrorLocation {
    return { code: this.code, message: this.message, ...this.location };
  }
}

export function isConnectorError(error: unknown): error is ConnectorError {
  return error instanceof ConnectorError;
}

/** Turns an AbortSignal's reason into our error shape, so callers only ever catch one type. */
export function abortedError(signal: AbortSignal): ConnectorError {
  return new ConnectorError("aborted", "the fetch was cancelled before it finished", {}, { cause: signal.reason });
}
