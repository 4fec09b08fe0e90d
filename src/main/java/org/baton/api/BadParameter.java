package org.baton.api;

/** A query parameter cannot be used as given; answered with 400 and the parameter named. */
public class BadParameter extends RuntimeException {

    private final String parameter;

    public BadParameter(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
