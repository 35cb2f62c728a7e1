package org.ruralcredit.gateway.domain;

/**
 * What the gateway last saw of a watched subject (a household's rating or moral standing, a firm's
 * archive entry): the state the next announcement is compared with to tell a worsening.
 */
public record WatchState(String grade, Integer score, Boolean flag) {}
