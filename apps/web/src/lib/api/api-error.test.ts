import { describe, expect, it } from "vitest";
import { ApiError, NetworkError, getErrorMessage, isUnauthorized, toApiError } from "./api-error.ts";

describe("toApiError", () => {
  it("keeps the code, message and details of the agreed error shape", () => {
    const error = toApiError(423, {
      error: { code: "account_locked", message: "This account is locked for 15 minutes.", details: { minutes: 15 } },
    });
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(423);
    expect(error.code).toBe("account_locked");
    expect(error.message).toBe("This account is locked for 15 minutes.");
    expect(error.details).toEqual({ minutes: 15 });
  });

  it("turns a body that is not the error shape into a message a person can act on", () => {
    const error = toApiError(502, "<html>Bad gateway</html>");
    expect(error.code).toBe("server_error");
    expect(error.message).toBe("The server ran into a problem (HTTP 502). Try again in a moment.");
  });

  it("covers an empty 401 and 429", () => {
    expect(toApiError(401, undefined).message).toBe("Your session has ended. Sign in again.");
    expect(toApiError(429, undefined).code).toBe("rate_limited");
  });
});

describe("getErrorMessage", () => {
  it("shows the server's message", () => {
    expect(getErrorMessage(new ApiError(401, "invalid_credentials", "Email or password is incorrect."))).toBe(
      "Email or password is incorrect.",
    );
  });

  it("explains a network failure", () => {
    expect(getErrorMessage(new NetworkError(new TypeError("Failed to fetch")))).toMatch(/could not reach/i);
  });

  it("never shows a programming error's text", () => {
    expect(getErrorMessage(new TypeError("Cannot read properties of undefined"))).toBe(
      "Something went wrong. Reload the page and try again.",
    );
  });
});

describe("isUnauthorized", () => {
  it("is true only for a 401 from the API", () => {
    expect(isUnauthorized(new ApiError(401, "unauthenticated", "x"))).toBe(true);
    expect(isUnauthorized(new ApiError(403, "forbidden", "x"))).toBe(false);
    expect(isUnauthorized(new Error("401"))).toBe(false);
  });
});
