package org.cybernorms.compliance.workspace;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.cybernorms.compliance.http.NotFoundException;
import org.cybernorms.compliance.security.ApiAccess;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shows a workspace form on a page of its own and records it: {@code POST /workspace/forms/<name>} becomes the API
 * call the form stands for ({@link ApiCalls}). Recorded: the browser is redirected to the record's page
 * (post/redirect/get). Refused: the form comes back with the API's messages in an error summary and next to each
 * field, the input kept, and a new idempotency key. Not allowed: the 403 page.
 */
@Controller
@RequestMapping("/workspace/forms")
class FormsController {

    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{(\\w+)}");
    private static final Pattern KEY_SHAPE = Pattern.compile("[\\x21-\\x7E]{1,200}");

    private final WorkspaceForms forms;
    private final ApiCalls api;
    private final ObjectMapper json;
    private final RecentImports imports;

    FormsController(WorkspaceForms forms, ApiCalls api, ObjectMapper json, RecentImports imports) {
        this.forms = forms;
        this.api = api;
        this.json = json;
        this.imports = imports;
    }

    @GetMapping("/{name}")
    String show(@PathVariable String name, @RequestParam Map<String, String> query, Model model,
                HttpServletResponse response) {
        WorkspaceForm form = form(name);
        if (!ApiAccess.mayPost(SecurityContextHolder.getContext().getAuthentication(), form.apiPath())) {
            response.setStatus(403);
            return "forbidden";
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (FormField field : form.fields()) {
            if (query.containsKey(field.name())) {
                values.put(field.name(), query.get(field.name()));
            }
        }
        model.addAttribute("view", FormView.fresh(form, values));
        return "form";
    }

    @PostMapping("/{name}")
    String record(@PathVariable String name, HttpServletRequest request, HttpServletResponse response,
                  Model model) throws IOException {
        WorkspaceForm form = form(name);
        Map<String, String> values = new LinkedHashMap<>();
        MultipartFile file = null;
        for (FormField field : form.fields()) {
            if (field.kind() == FormField.Kind.FILE) {
                file = request instanceof MultipartHttpServletRequest multipart ? multipart.getFile(field.name()) : null;
                values.put(field.name(), file == null ? "" : file.getOriginalFilename());
            } else if (field.kind() == FormField.Kind.CHECKBOX) {
                values.put(field.name(), Boolean.toString(request.getParameter(field.name()) != null));
            } else {
                String value = request.getParameter(field.name());
                values.put(field.name(), value == null ? "" : value);
            }
        }
        String key = request.getParameter("idempotencyKey");
        if (key == null || !KEY_SHAPE.matcher(key).matches()) {
            key = UUID.randomUUID().toString();
        }

        Map<String, List<String>> pathErrors = new LinkedHashMap<>();
        String path = path(form, values, pathErrors);
        if (!pathErrors.isEmpty()) {
            return again(form, values, pathErrors, List.of(), model, response, 400);
        }
        String query = null;
        byte[] body;
        String contentType;
        for (FormField field : form.fields()) {
            if (field.target() == FormField.Target.QUERY && !values.get(field.name()).isBlank()) {
                query = (query == null ? "" : query + "&") + field.name() + "=" + values.get(field.name());
            }
        }
        if (form.hasFile()) {
            body = file == null ? new byte[0] : file.getBytes();
            contentType = form.fields().stream().filter(f -> f.kind() == FormField.Kind.FILE).findFirst()
                    .map(FormField::mediaType).orElseThrow();
        } else {
            body = json.writeValueAsBytes(body(form, values));
            contentType = "application/json";
        }

        ApiAnswer answer = api.post(request, response, path, query, contentType, body, key);
        if (answer.succeeded()) {
            if (answer.body().has("rowsRead")) {
                imports.remember(answer.body());
            }
            String next = form.next().apply(new WorkspaceForm.Recorded(values, answer));
            if (next == null) {
                // an answer with no record to go to (a verification, a restore): shown as it came
                model.addAttribute("form", form);
                model.addAttribute("answer", answer.body());
                return "answer";
            }
            return "redirect:" + next;
        }
        if (answer.status() == 403) {
            response.setStatus(403);
            return "forbidden";
        }
        Map<String, List<String>> errors = new LinkedHashMap<>();
        List<String> general = new ArrayList<>();
        for (ApiAnswer.FieldMessage error : answer.fieldErrors()) {
            String field = fieldOf(form, error.field());
            if (field == null) {
                general.add(error.message().isBlank() ? error.field() : error.field() + ": " + error.message());
            } else {
                errors.computeIfAbsent(field, f -> new ArrayList<>()).add(error.message());
            }
        }
        if (errors.isEmpty() && general.isEmpty()) {
            general.add(answer.detail() == null ? "The tracker could not record this." : answer.detail());
        }
        return again(form, values, errors, general, model, response, answer.status() >= 500 ? 500 : answer.status());
    }

    /** The form again, after a refusal: the input kept, the messages shown, and a new key for the next try. */
    private String again(WorkspaceForm form, Map<String, String> values, Map<String, List<String>> errors,
                         List<String> general, Model model, HttpServletResponse response, int status) {
        Map<String, String> byField = new LinkedHashMap<>();
        List<FormView.ErrorLink> summary = new ArrayList<>();
        String first = form.firstVisibleField();
        for (String message : general) {
            summary.add(new FormView.ErrorLink("#" + form.name() + "-" + first, message));
        }
        for (FormField field : form.fields()) {
            List<String> messages = errors.get(field.name());
            if (messages == null) {
                continue;
            }
            String message = String.join("; ", messages);
            String label = field.hidden() ? field.name() : field.label();
            byField.put(field.name(), message);
            String target = field.hidden() ? first : field.name();
            summary.add(new FormView.ErrorLink("#" + form.name() + "-" + target, label + ": " + message));
        }
        if (form.hasFile()) {
            values.remove("file"); // a file input cannot be given a value back
        }
        response.setStatus(status);
        model.addAttribute("view", new FormView(form, values, byField, summary, UUID.randomUUID().toString()));
        return "form";
    }

    private String path(WorkspaceForm form, Map<String, String> values, Map<String, List<String>> errors) {
        Matcher matcher = PATH_VARIABLE.matcher(form.apiPath());
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            String value = values.getOrDefault(matcher.group(1), "").trim();
            if (value.isEmpty()) {
                errors.computeIfAbsent(matcher.group(1), f -> new ArrayList<>()).add("must not be blank");
            }
            matcher.appendReplacement(path, Matcher.quoteReplacement(WorkspaceForms.seg(value)));
        }
        matcher.appendTail(path);
        return path.toString();
    }

    private ObjectNode body(WorkspaceForm form, Map<String, String> values) {
        ObjectNode body = json.createObjectNode();
        for (FormField field : form.fields()) {
            if (field.target() != FormField.Target.BODY) {
                continue;
            }
            String value = values.getOrDefault(field.name(), "").trim();
            if (value.isEmpty()) {
                continue;
            }
            switch (field.kind()) {
                case LINES -> {
                    ArrayNode lines = body.putArray(field.name());
                    value.lines().map(String::trim).filter(l -> !l.isEmpty()).forEach(lines::add);
                }
                case NORM_LINES -> {
                    ArrayNode norms = body.putArray(field.name());
                    value.lines().map(String::trim).filter(l -> !l.isEmpty()).forEach(line -> {
                        String[] parts = line.split("\\|", 3);
                        ObjectNode norm = norms.addObject();
                        String[] names = {"norm", "title", "summary"};
                        for (int i = 0; i < parts.length; i++) {
                            if (!parts[i].isBlank()) {
                                norm.put(names[i], parts[i].trim());
                            }
                        }
                    });
                }
                case NUMBER -> {
                    try {
                        body.put(field.name(), Long.parseLong(value));
                    } catch (NumberFormatException e) {
                        body.put(field.name(), value);
                    }
                }
                case CHECKBOX -> {
                    if (Boolean.parseBoolean(value)) {
                        body.put(field.name(), true);
                    }
                }
                default -> body.put(field.name(), value);
            }
        }
        return body;
    }

    /** The form field an API error names: {@code evidence[0]} and {@code norms[1].title} belong to their list. */
    private static String fieldOf(WorkspaceForm form, String apiField) {
        String name = apiField.split("[\\[.]", 2)[0];
        return form.field(name).map(FormField::name).orElse(null);
    }

    private WorkspaceForm form(String name) {
        return forms.named(name).orElseThrow(() -> new NotFoundException("No form named '" + name + "' exists here."));
    }
}
