package org.batonarchsample.modules.allowed.a;

import org.batonarchsample.modules.allowed.b.Ledger;

/** Good sample: module {@code a} uses module {@code b}'s API, as its allowedDependencies say. */
public class Client {

    final Ledger ledger = new Ledger();
}
