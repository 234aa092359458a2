package org.improvementhub.notifications.action;

/**
 * Acts on a change to a tracked action, in the transaction that recorded the event: what it does is
 * committed if and only if the event is.
 */
public interface ActionChangeFollower {

  void follow(ActionChange change);
}
