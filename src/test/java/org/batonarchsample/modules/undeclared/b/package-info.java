@ApplicationModule(allowedDependencies = {})
package org.batonarchsample.modules.undeclared.b;

import org.springframework.modulith.ApplicationModule;
