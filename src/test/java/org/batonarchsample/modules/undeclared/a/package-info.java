@ApplicationModule(allowedDependencies = "c")
package org.batonarchsample.modules.undeclared.a;

import org.springframework.modulith.ApplicationModule;
