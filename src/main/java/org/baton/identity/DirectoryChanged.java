package org.baton.identity;

/** Something that decides who a request is (a user, group, organization or token) changed. */
enum DirectoryChanged {
    INSTANCE
}
