package org.baton.identity;

import java.util.LinkedHashMap;
import java.util.Map;
import org.baton.shared.FieldProblem;
import org.baton.shared.InvalidInput;

/** Field errors for a form page: field name to message, shown beside the field; the input is kept. */
final class FormErrors {

    private FormErrors() {}

    static Map<String, String> of(InvalidInput invalid) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldProblem problem : invalid.problems()) {
            errors.merge(problem.field(), problem.message(), (a, b) -> a + "; " + b);
        }
        return errors;
    }

    static Map<String, String> of(String field, String message) {
        return Map.of(field, message);
    }
}
