@ApplicationModule(allowedDependencies = "b")
package org.batonarchsample.modules.internal.a;

import org.springframework.modulith.ApplicationModule;
