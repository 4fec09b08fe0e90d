package org.batonarchsample.rules;

import org.springframework.stereotype.Controller;

/** Bad sample for {@code CONTROLLERS_PACKAGE_PRIVATE}; outside org.baton, so never scanned. */
@Controller
public class PublicController {}
