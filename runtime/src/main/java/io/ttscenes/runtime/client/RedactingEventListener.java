package io.ttscenes.runtime.client;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.util.List;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.Dispatcher;
import okhttp3.EventListener;
import okhttp3.Handshake;
import okhttp3.HttpUrl;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Stands between the signing client and the event listener of the user's OkHttp client. OkHttp
 * hands a listener the request as written ({@code requestHeadersEnd}) and responses naming it
 * ({@code responseHeadersEnd}, {@code followUpDecision}, the cache events), which hold the bot
 * token; this forwards every event, each request and response replaced by the one before
 * {@link TokenInterceptor} signed it. Every other argument (the call, whose request is unsigned,
 * connections, addresses, counts, exceptions) is passed as is, so a listener that records timings
 * works unchanged.
 *
 * <p>It must override every event of OkHttp's {@link EventListener}: one it did not would reach
 * the default no-op and never the user's listener ({@code EventListenerConfidentialityTest}
 * checks, by reflection, when OkHttp is upgraded).
 */
final class RedactingEventListener extends EventListener {
  private final EventListener user;

  private RedactingEventListener(EventListener user) {
    this.user = user;
  }

  /** A factory making each of {@code user}'s listeners a redacted one; no wrapper for no listener. */
  static EventListener.Factory around(EventListener.Factory user) {
    return call -> {
      EventListener listener = user.create(call);
      return listener == EventListener.NONE ? listener : new RedactingEventListener(listener);
    };
  }

  @Override
  public void callStart(Call call) {
    user.callStart(call);
  }

  @Override
  public void dispatcherQueueStart(Call call, Dispatcher dispatcher) {
    user.dispatcherQueueStart(call, dispatcher);
  }

  @Override
  public void dispatcherQueueEnd(Call call, Dispatcher dispatcher) {
    user.dispatcherQueueEnd(call, dispatcher);
  }

  @Override
  public void proxySelectStart(Call call, HttpUrl url) {
    user.proxySelectStart(call, url);
  }

  @Override
  public void proxySelectEnd(Call call, HttpUrl url, List<Proxy> proxies) {
    user.proxySelectEnd(call, url, proxies);
  }

  @Override
  public void dnsStart(Call call, String domainName) {
    user.dnsStart(call, domainName);
  }

  @Override
  public void dnsEnd(Call call, String domainName, List<InetAddress> inetAddressList) {
    user.dnsEnd(call, domainName, inetAddressList);
  }

  @Override
  public void connectStart(Call call, InetSocketAddress inetSocketAddress, Proxy proxy) {
    user.connectStart(call, inetSocketAddress, proxy);
  }

  @Override
  public void secureConnectStart(Call call) {
    user.secureConnectStart(call);
  }

  @Override
  public void secureConnectEnd(Call call, Handshake handshake) {
    user.secureConnectEnd(call, handshake);
  }

  @Override
  public void connectEnd(Call call, InetSocketAddress inetSocketAddress, Proxy proxy, Protocol protocol) {
    user.connectEnd(call, inetSocketAddress, proxy, protocol);
  }

  @Override
  public void connectFailed(
      Call call, InetSocketAddress inetSocketAddress, Proxy proxy, Protocol protocol, IOException ioe) {
    user.connectFailed(call, inetSocketAddress, proxy, protocol, ioe);
  }

  @Override
  public void connectionAcquired(Call call, Connection connection) {
    user.connectionAcquired(call, connection);
  }

  @Override
  public void connectionReleased(Call call, Connection connection) {
    user.connectionReleased(call, connection);
  }

  @Override
  public void requestHeadersStart(Call call) {
    user.requestHeadersStart(call);
  }

  @Override
  public void requestHeadersEnd(Call call, Request request) {
    user.requestHeadersEnd(call, TokenInterceptor.unsigned(request));
  }

  @Override
  public void requestBodyStart(Call call) {
    user.requestBodyStart(call);
  }

  @Override
  public void requestBodyEnd(Call call, long byteCount) {
    user.requestBodyEnd(call, byteCount);
  }

  @Override
  public void requestFailed(Call call, IOException ioe) {
    user.requestFailed(call, ioe);
  }

  @Override
  public void responseHeadersStart(Call call) {
    user.responseHeadersStart(call);
  }

  @Override
  public void responseHeadersEnd(Call call, Response response) {
    user.responseHeadersEnd(call, TokenInterceptor.unsigned(response));
  }

  @Override
  public void responseBodyStart(Call call) {
    user.responseBodyStart(call);
  }

  @Override
  public void responseBodyEnd(Call call, long byteCount) {
    user.responseBodyEnd(call, byteCount);
  }

  @Override
  public void responseFailed(Call call, IOException ioe) {
    user.responseFailed(call, ioe);
  }

  @Override
  public void callEnd(Call call) {
    user.callEnd(call);
  }

  @Override
  public void callFailed(Call call, IOException ioe) {
    user.callFailed(call, ioe);
  }

  @Override
  public void canceled(Call call) {
    user.canceled(call);
  }

  @Override
  public void satisfactionFailure(Call call, Response response) {
    user.satisfactionFailure(call, TokenInterceptor.unsigned(response));
  }

  @Override
  public void cacheHit(Call call, Response response) {
    user.cacheHit(call, TokenInterceptor.unsigned(response));
  }

  @Override
  public void cacheMiss(Call call) {
    user.cacheMiss(call);
  }

  @Override
  public void cacheConditionalHit(Call call, Response cachedResponse) {
    user.cacheConditionalHit(call, TokenInterceptor.unsigned(cachedResponse));
  }

  @Override
  public void retryDecision(Call call, IOException exception, boolean retry) {
    user.retryDecision(call, exception, retry);
  }

  @Override
  public void followUpDecision(Call call, Response networkResponse, Request nextRequest) {
    user.followUpDecision(call, TokenInterceptor.unsigned(networkResponse),
        nextRequest == null ? null : TokenInterceptor.unsigned(nextRequest));
  }
}
