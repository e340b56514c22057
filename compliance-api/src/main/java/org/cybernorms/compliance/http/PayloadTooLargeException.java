package org.cybernorms.compliance.http;

/** A request body is larger than the operation accepts; answered with 413. Unchecked, so it passes through readers. */
public class PayloadTooLargeException extends RuntimeException {

    public PayloadTooLargeException(String message) {
        super(message);
    }
}
