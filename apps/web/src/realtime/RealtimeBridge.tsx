import { useEffect, useMemo, useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { REACTIONS } from '@engawa/shared';
import { useMe, SESSION_KEY } from '../api/session.ts';
import { useJoinedCommunities } from '../features/community/api.ts';
import { createCacheSync } from './cacheSync.ts';
import { RealtimeClient, type SocketLike } from './client.ts';
import { useExtraStreams } from './liveStreams.ts';

function socketUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}/api/events/ws`;
}

const emojiOf = (key: string) => (REACTIONS as Record<string, string>)[key] ?? '';

/**
 * The tab's one live connection (mounted once, in the signed-in shell): my own stream
 * (notifications, membership), company-wide announcements, every community I belong to and any
 * community a screen is showing. Renders nothing.
 */
export function RealtimeBridge() {
  const me = useMe();
  const qc = useQueryClient();
  const joined = useJoinedCommunities();
  const extra = useExtraStreams();
  const clientRef = useRef<RealtimeClient | null>(null);

  const streams = useMemo(() => {
    const set = new Set<string>([`user:${me.id}`, 'company', ...extra]);
    for (const c of joined.data ?? []) set.add(`community:${c.id}`);
    return [...set];
  }, [me.id, joined.data, extra]);
  const streamsRef = useRef(streams);

  useEffect(() => {
    const sync = createCacheSync(qc, me.id, emojiOf);
    const client = new RealtimeClient({
      url: socketUrl(),
      // The browser socket has the shape SocketLike describes; its handler types are only narrower.
      createSocket: (url) => new WebSocket(url) as unknown as SocketLike,
      handlers: {
        onEvent: sync.onEvent,
        onResync: sync.onResync,
        onSubscribed: sync.onSubscribed,
        onDenied: sync.onDenied,
        onSessionEnded: () => void qc.invalidateQueries({ queryKey: SESSION_KEY }),
      },
    });
    clientRef.current = client;
    client.setStreams(streamsRef.current);
    client.start();
    // Coming back from sleep or a dead network: reconnect now rather than after the backoff.
    const wake = () => {
      if (document.visibilityState === 'visible') client.wake();
    };
    const online = () => client.wake();
    document.addEventListener('visibilitychange', wake);
    window.addEventListener('online', online);
    window.addEventListener('pageshow', online);
    return () => {
      document.removeEventListener('visibilitychange', wake);
      window.removeEventListener('online', online);
      window.removeEventListener('pageshow', online);
      client.stop();
      if (clientRef.current === client) clientRef.current = null;
    };
  }, [qc, me.id]);

  useEffect(() => {
    streamsRef.current = streams;
    clientRef.current?.setStreams(streams);
  }, [streams]);

  return null;
}
