package org.cybernorms.compliance.http;

/** The addressed record does not exist; answered with 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
