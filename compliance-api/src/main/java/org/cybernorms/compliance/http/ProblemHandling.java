package org.cybernorms.compliance.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.cybernorms.compliance.shared.FactRejectedException;
import org.cybernorms.compliance.shared.TransitionForbiddenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns every failure into an {@code application/problem+json} answer (RFC 9457). Client mistakes get 4xx with the
 * failing fields listed; only a fault of the tracker itself gives 500, and then without internals.
 */
@RestControllerAdvice
public class ProblemHandling extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);

    @ExceptionHandler(FactRejectedException.class)
    ResponseEntity<Object> factRejected(FactRejectedException e) {
        List<FieldError> errors = e.problems().stream().map(p -> new FieldError(p.field(), p.message())).toList();
        return invalid("The request describes a fact that cannot be recorded.", errors);
    }

    @ExceptionHandler(TransitionForbiddenException.class)
    ResponseEntity<Object> transitionForbidden(TransitionForbiddenException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, Problems.TRANSITION_FORBIDDEN,
                "Transition forbidden", e.getMessage());
        problem.setProperty("currentStatus", e.currentStatus());
        return answer(problem);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<Object> notFound(AggregateNotFoundException e) {
        return answer(problem(HttpStatus.NOT_FOUND, Problems.NOT_FOUND, "Not found",
                "No record with id '" + e.getAggregateIdentifier() + "' exists here."));
    }

    /** An id of another kind of record was sent where this kind belongs: no such record of this kind exists. */
    @ExceptionHandler(IncompatibleAggregateException.class)
    ResponseEntity<Object> otherKind(IncompatibleAggregateException e) {
        return answer(problem(HttpStatus.NOT_FOUND, Problems.NOT_FOUND, "Not found",
                "No record of this kind with this id exists here."));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Object> notFound(NotFoundException e) {
        return answer(problem(HttpStatus.NOT_FOUND, Problems.NOT_FOUND, "Not found", e.getMessage()));
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<Object> concurrency(ConcurrencyException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, Problems.CONCURRENT_MODIFICATION,
                "Concurrent modification",
                "Another write to the same record was stored at the same moment. Nothing of this request was "
                        + "stored; the request may be retried.");
        problem.setProperty("retryable", true);
        return answer(problem);
    }

    @ExceptionHandler(AggregateStreamCreationException.class)
    ResponseEntity<Object> alreadyExists(AggregateStreamCreationException e) {
        return answer(problem(HttpStatus.CONFLICT, Problems.ALREADY_EXISTS, "Already exists",
                "A record with this id already exists."));
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<Object> remoteCommand(CommandExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof FactRejectedException f) {
            return factRejected(f);
        }
        if (cause instanceof TransitionForbiddenException t) {
            return transitionForbidden(t);
        }
        return internal(e);
    }

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<Object> problem(ProblemException e) {
        ProblemDetail problem = problem(e.status(), e.type(), e.title(), e.getMessage());
        e.properties().forEach(problem::setProperty);
        return answer(problem);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> forbidden(AccessDeniedException e) {
        return answer(problem(HttpStatus.FORBIDDEN, URI.create("/problems/forbidden"), "Forbidden",
                "The caller's role may not do this: " + e.getMessage() + "."));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> internal(Exception e) {
        log.error("Unexpected failure", e);
        return answer(problem(HttpStatus.INTERNAL_SERVER_ERROR, Problems.INTERNAL, "Internal error",
                "The tracker failed to handle the request. Nothing of it was stored unless it was acknowledged."));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<FieldError> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldError(f.getField(), f.getDefaultMessage()))
                .toList();
        return invalid("The request has invalid fields.", errors);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                            HttpHeaders headers,
                                                                            HttpStatusCode status,
                                                                            WebRequest request) {
        List<FieldError> errors = ex.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> new FieldError(
                        r.getMethodParameter().getParameterName(), err.getDefaultMessage())))
                .toList();
        return invalid("The request has invalid parameters.", errors);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
                                                                          HttpHeaders headers,
                                                                          HttpStatusCode status,
                                                                          WebRequest request) {
        return invalid("A required parameter is missing.",
                List.of(new FieldError(ex.getParameterName(), "is required")));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e) {
        return invalid("A parameter has the wrong form.",
                List.of(new FieldError(e.getName(), "cannot be read as " + describe(e.getRequiredType()))));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        Throwable cause = ex.getCause();
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping);
            ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, Problems.INVALID_INPUT, "Invalid input",
                    "The request body has a field that cannot be read.");
            problem.setProperty("errors", List.of(new FieldError(field, explain(mapping))));
            return answer(problem);
        }
        String detail = cause instanceof StreamConstraintsException
                ? "The request body exceeds the limits of the JSON reader: " + ((StreamConstraintsException) cause)
                .getOriginalMessage()
                : cause instanceof JsonProcessingException
                ? "The request body is not well-formed JSON."
                : "The request body is missing or cannot be read.";
        return answer(problem(HttpStatus.BAD_REQUEST, Problems.MALFORMED_BODY, "Malformed body", detail));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
                                                                     HttpHeaders headers, HttpStatusCode status,
                                                                     WebRequest request) {
        List<org.springframework.http.MediaType> supported = ex.getSupportedMediaTypes();
        String expected = supported.isEmpty() ? "application/json"
                : supported.stream().map(org.springframework.http.MediaType::toString)
                .collect(Collectors.joining(" or "));
        return answer(problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, Problems.UNSUPPORTED_MEDIA_TYPE,
                "Unsupported media type", "Send the body as " + expected + "."));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(HttpMediaTypeNotAcceptableException ex,
                                                                      HttpHeaders headers, HttpStatusCode status,
                                                                      WebRequest request) {
        return answer(problem(HttpStatus.NOT_ACCEPTABLE, Problems.NOT_ACCEPTABLE, "Not acceptable",
                "This resource is available as application/json."));
    }

    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException ex,
                                                                         HttpHeaders headers,
                                                                         HttpStatusCode status,
                                                                         WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.METHOD_NOT_ALLOWED, Problems.METHOD_NOT_ALLOWED,
                "Method not allowed", "This resource does not accept " + ex.getMethod() + ".");
        ResponseEntity<Object> answer = answer(problem);
        HttpHeaders allow = new HttpHeaders();
        allow.putAll(answer.getHeaders());
        if (ex.getSupportedHttpMethods() != null) {
            allow.setAllow(ex.getSupportedHttpMethods());
        }
        return new ResponseEntity<>(problem, allow, HttpStatus.METHOD_NOT_ALLOWED);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
                                                                    HttpStatusCode status, WebRequest request) {
        return answer(problem(HttpStatus.NOT_FOUND, Problems.NOT_FOUND, "Not found",
                "There is nothing at this address."));
    }

    private static ResponseEntity<Object> invalid(String detail, List<FieldError> errors) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, Problems.INVALID_INPUT, "Invalid input", detail);
        problem.setProperty("errors", errors);
        return answer(problem);
    }

    private static ProblemDetail problem(HttpStatus status, java.net.URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }

    private static ResponseEntity<Object> answer(ProblemDetail problem) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(problem, headers, HttpStatusCode.valueOf(problem.getStatus()));
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String explain(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a field of this request (unknown fields are rejected)";
        }
        if (e instanceof InvalidFormatException f) {
            if (f.getTargetType() == String.class) {
                return f.getOriginalMessage();
            }
            return "cannot be read as " + describe(f.getTargetType());
        }
        if (e instanceof ValueInstantiationException v) {
            return "cannot be read as " + describe(v.getType().getRawClass());
        }
        if (e instanceof MismatchedInputException m) {
            return "has the wrong type: expected " + describe(m.getTargetType());
        }
        return "cannot be read";
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "the expected type";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (type == java.time.LocalDate.class) {
            return "a date (yyyy-MM-dd)";
        }
        if (type == java.time.Instant.class) {
            return "an ISO-8601 instant (for example 2024-01-31T12:00:00Z)";
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        return "a " + type.getSimpleName();
    }
}
