package org.cybernorms.compliance.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.util.ArrayList;
import java.util.List;

/** What the API answered a form: its status, {@code Location}, and its JSON (the record, or a problem). */
public record ApiAnswer(int status, String location, JsonNode body) {

    /** One field the API named in a problem's {@code errors}, with its message. */
    public record FieldMessage(String field, String message) {
    }

    static ApiAnswer forbidden() {
        return new ApiAnswer(403, null, MissingNode.getInstance());
    }

    boolean succeeded() {
        return status >= 200 && status < 300;
    }

    /** A string member of the answer, such as {@code violationId}; null if absent. */
    String text(String member) {
        JsonNode value = body.path(member);
        return value.isTextual() ? value.asText() : null;
    }

    String detail() {
        return text("detail");
    }

    String type() {
        return text("type");
    }

    List<FieldMessage> fieldErrors() {
        List<FieldMessage> errors = new ArrayList<>();
        for (JsonNode error : body.path("errors")) {
            errors.add(new FieldMessage(error.path("field").asText(""), error.path("message").asText("")));
        }
        return errors;
    }
}
