@ApplicationModule(allowedDependencies = {})
package org.batonarchsample.modules.internal.b;

import org.springframework.modulith.ApplicationModule;
