package org.baton.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.baton.shared.FieldProblem;
import org.baton.shared.InvalidInput;
import org.baton.shared.NotFound;
import org.baton.shared.Refused;
import org.baton.shared.StaleVersion;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every exception an API controller lets out into a problem document. Client mistakes get
 * their 4xx; only a defect in Baton yields a 500, and that one is logged.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(InvalidInput.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInput e, HttpServletRequest request) {
        return respond(Problems.invalid(e.problems(), request.getRequestURI()));
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<ProblemDetail> notFound(NotFound e, HttpServletRequest request) {
        return respond(Problems.of(ProblemType.NOT_FOUND, e.getMessage(), request.getRequestURI()));
    }

    @ExceptionHandler(StaleVersion.class)
    ResponseEntity<ProblemDetail> stale(StaleVersion e, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(ProblemType.STALE_VERSION, e.getMessage(), request.getRequestURI());
        problem.setProperty("currentVersion", e.currentVersion());
        return ResponseEntity.status(problem.getStatus())
                .eTag(String.valueOf(e.currentVersion()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @ExceptionHandler(Refused.class)
    ResponseEntity<ProblemDetail> refused(Refused e, HttpServletRequest request) {
        ProblemType type = ProblemType.bySlug(e.reason()).filter(t -> t.status() == HttpStatus.CONFLICT).orElse(ProblemType.CONFLICT);
        ProblemDetail problem = Problems.of(type, e.getMessage(), request.getRequestURI());
        problem.setProperty("reason", e.reason());
        return respond(problem);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e, HttpServletRequest request) {
        return respond(Problems.of(ProblemType.FORBIDDEN, "Your role does not allow this action.", request.getRequestURI()));
    }

    @ExceptionHandler(BadParameter.class)
    ResponseEntity<ProblemDetail> badParameter(BadParameter e, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(ProblemType.MALFORMED_REQUEST,
                "Parameter '" + e.parameter() + "' " + e.getMessage() + ".", request.getRequestURI());
        problem.setProperty("errors", List.of(new FieldProblem(e.parameter(), e.getMessage())));
        return respond(problem);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(ProblemType.MALFORMED_REQUEST,
                "Parameter '" + e.getName() + "' has a value that cannot be read.", request.getRequestURI());
        problem.setProperty("errors", List.of(new FieldProblem(e.getName(), "cannot be read: '" + e.getValue() + "'")));
        return respond(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> defect(Exception e, HttpServletRequest request) {
        log.error("Unhandled exception on {} {}", request.getMethod(), request.getRequestURI(), e);
        return respond(Problems.of(ProblemType.INTERNAL_ERROR, "Baton failed to handle this request.", request.getRequestURI()));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            problems.add(new FieldProblem(error.getField(), String.valueOf(error.getDefaultMessage())));
        }
        ex.getBindingResult().getGlobalErrors()
                .forEach(error -> problems.add(new FieldProblem(error.getObjectName(), String.valueOf(error.getDefaultMessage()))));
        return new ResponseEntity<>(Problems.invalid(problems, path(request)), problemHeaders(), ProblemType.INVALID_INPUT.status());
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error -> problems.add(
                new FieldProblem(String.valueOf(result.getMethodParameter().getParameterName()), String.valueOf(error.getDefaultMessage())))));
        ProblemDetail problem = Problems.of(ProblemType.MALFORMED_REQUEST, "Some parameters are invalid.", path(request));
        problem.setProperty("errors", problems);
        return new ResponseEntity<>(problem, problemHeaders(), ProblemType.MALFORMED_REQUEST.status());
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = Problems.of(ProblemType.MALFORMED_REQUEST,
                "The request body is not valid JSON for this operation.", path(request));
        return new ResponseEntity<>(problem, problemHeaders(), ProblemType.MALFORMED_REQUEST.status());
    }

    /** Every other Spring MVC exception: keep its status and detail, give it Baton's type and title. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, @Nullable Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        ProblemType type = ProblemType.forStatus(statusCode.value());
        String detail = body instanceof ProblemDetail pd ? pd.getDetail() : null;
        ProblemDetail problem = Problems.of(type, detail, path(request));
        problem.setStatus(statusCode.value());
        HttpHeaders merged = new HttpHeaders();
        merged.putAll(headers);
        merged.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(problem, merged, statusCode);
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static HttpHeaders problemHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return headers;
    }

    private static @Nullable String path(WebRequest request) {
        return request instanceof ServletWebRequest swr ? swr.getRequest().getRequestURI() : null;
    }
}
