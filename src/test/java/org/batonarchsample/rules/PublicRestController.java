package org.batonarchsample.rules;

import org.springframework.web.bind.annotation.RestController;

/** Bad sample for {@code CONTROLLERS_PACKAGE_PRIVATE}; outside org.baton, so never scanned. */
@RestController
public class PublicRestController {}
