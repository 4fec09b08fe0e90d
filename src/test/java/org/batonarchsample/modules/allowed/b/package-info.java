@ApplicationModule(allowedDependencies = {})
package org.batonarchsample.modules.allowed.b;

import org.springframework.modulith.ApplicationModule;
