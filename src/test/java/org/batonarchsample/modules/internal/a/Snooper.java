package org.batonarchsample.modules.internal.a;

import org.batonarchsample.modules.internal.b.internal.Secret;

/** Bad sample: module {@code a} uses a type from module {@code b}'s internal sub-package. */
public class Snooper {

    final Secret secret = new Secret();
}
