@ApplicationModule(allowedDependencies = {})
package org.batonarchsample.modules.undeclared.c;

import org.springframework.modulith.ApplicationModule;
