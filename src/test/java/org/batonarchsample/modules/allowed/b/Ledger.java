package org.batonarchsample.modules.allowed.b;

import org.batonarchsample.modules.allowed.b.internal.Secret;

/** Module {@code b}'s API. */
public class Ledger {

    final Secret secret = new Secret();
}
