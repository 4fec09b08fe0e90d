@ApplicationModule(allowedDependencies = "b")
package org.batonarchsample.modules.allowed.a;

import org.springframework.modulith.ApplicationModule;
