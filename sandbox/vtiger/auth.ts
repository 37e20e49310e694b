/**
 * getchallenge / login and webservice sessions (reference §4; AuthToken.php, Login.php, SessionManager.php).
 * One live challenge token per user (a new getchallenge replaces it), reusable until it expires; any
 * number of sessions per user, each with an idle timeout and a maximum life.
 */
import { wsId } from "./entities.ts";
import { accessDenied, WsError } from "./errors.ts";
import { md5Hex, phpString, sessionId, uniqid } from "./php.ts";
import type { Store } from "./store.ts";
import { userById, userByName, type WsUser } from "./users.ts";

const TOKEN_LIFE_MS = 5 * 60 * 1000;

export interface Session {
  name: string;
  userId: number;
  startedAt: number;
  lastSeenAt: number;
  /** Calls served, for the sessionMaxCalls fault knob. */
  calls: number;
}

export interface SessionLimits {
  sessionIdleMs: number;
  sessionMaxMs: number;
  /** Fault knob, not a vtiger setting: a session expires after this many calls (0 = never). */
  sessionMaxCalls: number;
}

export class Auth {
  private challenges = new Map<number, { token: string; expiresAt: number }>();
  private sessions = new Map<string, Session>();

  constructor(
    private readonly store: Store,
    private readonly limits: () => SessionLimits,
    private readonly now: () => number = Date.now,
  ) {}

  getChallenge(username: unknown) {
    const name = phpString(username);
    if (name === "" || name === "0") throw accessDenied("No username given");
    const user = userByName(this.store, name);
    if (!user) throw accessDenied("username does not exists");
    const now = this.now();
    const token = uniqid(now);
    this.challenges.set(user.id, { token, expiresAt: now + TOKEN_LIFE_MS });
    const serverTime = Math.floor(now / 1000);
    return { token, serverTime, expireTime: serverTime + TOKEN_LIFE_MS / 1000 };
  }

  /**
   * vtws_login; the session the request came with (if any) is the one that gets authenticated,
   * otherwise a new one is started.
   */
  login(username: unknown, accessKey: unknown, current: Session | null) {
    const user = userByName(this.store, phpString(username));
    const challenge = user ? this.challenges.get(user.id) : undefined;
    if (!user || !challenge || challenge.expiresAt < this.now()) {
      throw new WsError("INVALID_AUTH_TOKEN", "Specified token is invalid or expired");
    }
    const key = user.record.fields.accesskey ?? "";
    if (key === "") throw new WsError("ACCESSKEY_UNDEFINED", "Access key for the user is undefined");
    if (md5Hex(challenge.token + key) !== phpString(accessKey) || user.record.fields.status !== "Active") {
      throw new WsError("INVALID_USER_CREDENTIALS", "Invalid username or password");
    }
    const session = current ?? this.start();
    session.userId = user.id;
    return loginResult(user, session.name);
  }

  /** SessionManager::startSession + isValid for a sessionName sent by the client; refreshes the idle timer. */
  resume(name: string): Session {
    const session = this.sessions.get(name);
    if (!session) throw new WsError("INVALID_SESSIONID", "Session Identifier provided is Invalid");
    const now = this.now();
    const { sessionIdleMs, sessionMaxMs, sessionMaxCalls } = this.limits();
    session.calls++;
    if (now - session.startedAt > sessionMaxMs || (sessionMaxCalls > 0 && session.calls > sessionMaxCalls)) {
      this.sessions.delete(name);
      throw new WsError("SESSION_EXPIRED", "Session has life span over please login again");
    }
    if (now - session.lastSeenAt > sessionIdleMs) {
      this.sessions.delete(name);
      throw new WsError("SESSION_LEFT_IDLE", "Session has been invalidated to due lack activity");
    }
    session.lastSeenAt = now;
    return session;
  }

  userOf(session: Session): WsUser {
    const user = userById(this.store, session.userId);
    if (!user) throw new WsError("INVALID_SESSIONID", "Session Identifier provided is Invalid");
    return user;
  }

  /** Every live session answers SESSION_EXPIRED on its next call (then INVALID_SESSIONID). */
  expireAll(): void {
    for (const session of this.sessions.values()) session.startedAt = Number.NEGATIVE_INFINITY;
  }

  clear(): void {
    this.sessions.clear();
    this.challenges.clear();
  }

  get sessionCount(): number {
    return this.sessions.size;
  }

  private start(): Session {
    const now = this.now();
    const session: Session = { name: sessionId(), userId: 0, startedAt: now, lastSeenAt: now, calls: 0 };
    this.sessions.set(session.name, session);
    return session;
  }
}

/** Login answer of 7.3+ (user preferences, then session data). */
function loginResult(user: WsUser, sessionName: string) {
  const f = user.record.fields;
  return {
    username: f.user_name ?? "",
    first_name: f.first_name ?? "",
    last_name: f.last_name ?? "",
    email: f.email1 ?? "",
    time_zone: f.time_zone ?? "",
    hour_format: f.hour_format ?? "",
    date_format: f.date_format ?? "",
    is_admin: f.is_admin ?? "off",
    call_duration: f.callduration ?? "",
    other_event_duration: f.othereventduration ?? "",
    sessionName,
    userId: wsId("Users", user.id),
    version: "0.22",
    vtigerVersion: "8.2.0",
  };
}
