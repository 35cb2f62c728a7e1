package org.ruralcredit.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

import org.ruralcredit.client.invoker.ApiClient;
import org.ruralcredit.client.invoker.ApiException;

/**
 * The gateway for a lender's system: its address, where the access token comes from (the caller's
 * own named account, refreshed by the supplier) and the language refusals are written in. Each API
 * of the generated client is made from it ({@code client.api(ConsentsApi::new)}); {@link #call}
 * turns a refusal into a {@link GatewayProblem}.
 */
public final class GatewayClient {

    /** A call of a generated API, which declares the generator's checked exception. */
    @FunctionalInterface
    public interface Call<T> {
        T run() throws ApiException;
    }

    private final ApiClient apiClient;

    private GatewayClient(URI baseUri, Supplier<String> accessToken, String language, Duration timeout) {
        apiClient = new ApiClient();
        apiClient.updateBaseUri(baseUri.toString().replaceAll("/+$", ""));
        apiClient.setHttpClientBuilder(HttpClient.newBuilder().connectTimeout(timeout));
        apiClient.setReadTimeout(timeout);
        apiClient.setRequestInterceptor(request ->
                request.header("Authorization", "Bearer " + accessToken.get()).header("Accept-Language", language));
    }

    /** A client that sends {@code accessToken}'s current token and asks for refusals in {@code language} ({@code zh-CN} or {@code en}). */
    public static GatewayClient of(URI baseUri, Supplier<String> accessToken, String language) {
        return new GatewayClient(
                Objects.requireNonNull(baseUri),
                Objects.requireNonNull(accessToken),
                language == null ? "zh-CN" : language,
                Duration.ofSeconds(30));
    }

    /** One of the generated APIs, bound to this client. */
    public <A> A api(Function<ApiClient, A> constructor) {
        return constructor.apply(apiClient);
    }

    /** Runs a call; a refusal comes back as a {@link GatewayProblem} with its code and args. */
    public static <T> T call(Call<T> call) {
        try {
            return call.run();
        } catch (ApiException e) {
            throw GatewayProblem.of(e);
        }
    }
}
