using System.Globalization;
using System.Net.Security;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using NexusZero.Service.Protos;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace NexusZero.ServiceHost;

/// <summary>
/// Calls the started host over its real socket (TLS pinned to the host's own certificate): VerifyInference at each
/// level, CheckConsensus on the receipt, the JSON gateway once, and a call authenticated by a pinned client certificate
/// (and one refused for an unpinned certificate). Returns 0 when every answer is what it should be.
/// </summary>
internal static class SelfTest
{
    public static async Task<int> RunAsync(WebApplication app, string key, X509Certificate2? certificate, X509Certificate2 clientCertificate, TextWriter output)
    {
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions { HttpHandler = PinnedHandler(certificate) });
        var client = new VerifiableInference.VerifiableInferenceClient(channel);
        var headers = new Metadata { { "x-api-key", key } };
        var row = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Data", "wine-instances.csv"))[1].Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        VerifyInferenceResponse? last = null;
        foreach (var level in new[] { Level.OutputOnly, Level.Explanation, Level.Proof, Level.Consensus })
        {
            var request = new VerifyInferenceRequest { ModelId = "wine", Level = level, ExplainerSeed = 7, Context = ByteString.CopyFromUtf8("self-test") };
            request.Input.AddRange(row);
            last = await client.VerifyInferenceAsync(request, headers).ConfigureAwait(false);
            var complete = level switch
            {
                Level.OutputOnly => last.Explanation is null && last.ProofEnvelope.IsEmpty,
                Level.Explanation => last.Explanation is not null && last.ProofEnvelope.IsEmpty,
                Level.Proof => !last.ProofEnvelope.IsEmpty && last.Receipt.IsEmpty,
                _ => !last.Receipt.IsEmpty,
            };
            output.WriteLine($"self-test {level,-20} class {last.Argmax}, envelope {last.ProofEnvelope.Length} B, receipt {last.Receipt.Length} B: {(complete ? "ok" : "FAILED")}");
            if (!complete)
            {
                return 1;
            }
        }

        // The statement names the model circuit's verifying key (and the same row gives the same public values), so
        // its digest is equal across starts exactly when the host proved under the same key (a kept proving-key file).
        var statement = NexusZero.Proofs.ProofEnvelope.Parse(last!.ProofEnvelope.Span).Statement.Span;
        output.WriteLine($"self-test statement digest    {Convert.ToHexStringLower(SHA256.HashData(statement))}");

        var check = await client.CheckConsensusAsync(new CheckConsensusRequest { Receipt = last!.Receipt }, headers).ConfigureAwait(false);
        output.WriteLine($"self-test CheckConsensus       {(check.Accepted ? "ok" : $"FAILED {check.FailureReason}: {check.FailureMessage}")}");

        using var http = new HttpClient(PinnedHandler(certificate)) { BaseAddress = new Uri(address) };
        using var body = new StringContent("{\"modelId\":\"wine\",\"method\":\"kernel-shap\",\"input\":[" + string.Join(",", row.Select(v => v.ToString("R", CultureInfo.InvariantCulture))) + "]}", System.Text.Encoding.UTF8, "application/json");
        using var gatewayRequest = new HttpRequestMessage(HttpMethod.Post, "/v1/inference/explain") { Content = body };
        gatewayRequest.Headers.Add("x-api-key", key);
        using var gateway = await http.SendAsync(gatewayRequest).ConfigureAwait(false);
        output.WriteLine($"self-test gateway explain      {(gateway.IsSuccessStatusCode ? "ok" : $"FAILED {(int)gateway.StatusCode}")}");

        // A caller pinned by its client certificate needs no key; an unpinned certificate gets Unauthenticated.
        if (certificate is null)
        {
            output.WriteLine("self-test client certificate   not run: TLS is off (Tls:Enabled false), so no certificate can be presented");
            return check.Accepted && gateway.IsSuccessStatusCode ? 0 : 1;
        }

        var byCertificate = await OutputOnlyStatus(address, certificate, clientCertificate, row).ConfigureAwait(false);
        output.WriteLine($"self-test client certificate   {(byCertificate == StatusCode.OK ? "ok" : $"FAILED {byCertificate}")}");
        using var stranger = CreateClientCertificate("NexusZero unpinned caller");
        var byStranger = await OutputOnlyStatus(address, certificate, stranger, row).ConfigureAwait(false);
        output.WriteLine($"self-test unpinned certificate {(byStranger == StatusCode.Unauthenticated ? "ok (Unauthenticated)" : $"FAILED {byStranger}")}");
        return check.Accepted && gateway.IsSuccessStatusCode && byCertificate == StatusCode.OK && byStranger == StatusCode.Unauthenticated ? 0 : 1;
    }

    /// <summary>A self-signed ECDSA P-256 client certificate (client-authentication usage), valid for an hour.</summary>
    public static X509Certificate2 CreateClientCertificate(string subject)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={subject}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], critical: false));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));

        // Through PKCS#12 so that the private key is usable by SslStream on every platform.
        var pfx = created.Export(X509ContentType.Pfx);
        try
        {
            return X509CertificateLoader.LoadPkcs12(pfx, null);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(pfx);
        }
    }

    /// <summary>An output-only VerifyInference with no API key, presenting <paramref name="clientCertificate"/>.</summary>
    private static async Task<StatusCode> OutputOnlyStatus(string address, X509Certificate2? serverCertificate, X509Certificate2 clientCertificate, double[] row)
    {
        var handler = PinnedHandler(serverCertificate);
        handler.SslOptions.ClientCertificates = [clientCertificate];
        using var channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions { HttpHandler = handler });
        var request = new VerifyInferenceRequest { ModelId = "wine", Level = Level.OutputOnly };
        request.Input.AddRange(row);
        try
        {
            await new VerifiableInference.VerifiableInferenceClient(channel).VerifyInferenceAsync(request).ConfigureAwait(false);
            return StatusCode.OK;
        }
        catch (RpcException ex)
        {
            return ex.StatusCode;
        }
    }

    /// <summary>A handler that accepts exactly the certificate the host serves, rather than any.</summary>
    private static SocketsHttpHandler PinnedHandler(X509Certificate2? certificate) => new()
    {
        SslOptions = new SslClientAuthenticationOptions
        {
            RemoteCertificateValidationCallback = (_, presented, _, _) => certificate is not null && presented is not null && presented.GetCertHashString() == certificate.GetCertHashString(),
        },
    };
}
