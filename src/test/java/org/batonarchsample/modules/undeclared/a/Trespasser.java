package org.batonarchsample.modules.undeclared.a;

import org.batonarchsample.modules.undeclared.b.Ledger;
import org.batonarchsample.modules.undeclared.c.Catalogue;

/** Bad sample: module {@code a} uses module {@code b}, which its allowedDependencies do not name. */
public class Trespasser {

    final Catalogue catalogue = new Catalogue();
    final Ledger ledger = new Ledger();
}
