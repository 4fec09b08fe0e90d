package org.batonarchsample.rules;

import org.springframework.stereotype.Controller;

/** Good sample for {@code CONTROLLERS_PACKAGE_PRIVATE}. */
@Controller
class PackagePrivateController {}
