using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.AspNetCore.Http;
using NexusZero.Service.Security;

namespace NexusZero.Service.Tests;

/// <summary>Callers pinned by the SHA-256 of their TLS client certificate (the TLS handshake itself is the host self-test's).</summary>
[Collection(ServiceTestsDefinition.Name)]
public sealed class ClientCertificateTests(ServiceFixture fixture)
{
    private static readonly X509Certificate2 Pinned = Create("pinned caller");
    private static readonly X509Certificate2 Stranger = Create("stranger");

    [Fact]
    public async Task A_pinned_certificate_authenticates_a_caller_without_a_key()
    {
        using var service = fixture.Start(PinCertificate);
        var context = await Verify(service, Pinned, key: null);
        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        Assert.Equal(1, service.Cache.Writes);
    }

    [Fact]
    public async Task An_unpinned_or_missing_certificate_without_a_key_is_unauthenticated_and_nothing_is_cached()
    {
        using var service = fixture.Start(PinCertificate);
        var stranger = await Verify(service, Stranger, key: null);
        Assert.Equal(StatusCodes.Status401Unauthorized, stranger.Response.StatusCode);
        Assert.Contains("client certificate is not recognized", await Body(stranger), StringComparison.Ordinal);

        var none = await Verify(service, certificate: null, key: null);
        Assert.Equal(StatusCodes.Status401Unauthorized, none.Response.StatusCode);
        Assert.Contains("Neither the x-api-key header nor a client certificate", await Body(none), StringComparison.Ordinal);
        Assert.Equal(0, service.Cache.Writes);
    }

    [Fact]
    public async Task A_key_when_sent_decides_even_beside_a_pinned_certificate()
    {
        using var service = fixture.Start(PinCertificate);
        Assert.Equal(StatusCodes.Status401Unauthorized, (await Verify(service, Pinned, key: "not-a-key")).Response.StatusCode);
        Assert.Equal(StatusCodes.Status200OK, (await Verify(service, Stranger, key: ServiceFixture.CallerKey)).Response.StatusCode);
    }

    [Fact]
    public async Task Certificates_never_open_the_admin_surface()
    {
        using var service = fixture.Start(o =>
        {
            PinCertificate(o);
            o.AdminEnabled = true;
        });
        var context = await service.Server.SendAsync(c =>
        {
            Prepare(c, "/v1/admin/list-models", "{}", key: null);
            c.Connection.ClientCertificate = Pinned;
        });
        Assert.Equal(StatusCodes.Status401Unauthorized, context.Response.StatusCode);
    }

    [Fact]
    public async Task Without_pinned_certificates_a_presented_one_is_ignored()
    {
        using var service = fixture.Start();
        Assert.Equal(StatusCodes.Status401Unauthorized, (await Verify(service, Pinned, key: null)).Response.StatusCode);
    }

    [Fact]
    public void A_malformed_pin_is_a_configuration_error_naming_the_caller()
    {
        var options = new NexusZeroServiceOptions();
        options.CallerCertificateHashes["bad"] = "abcd";
        var ex = Assert.Throws<InvalidOperationException>(() => new ClientCertificateAuthenticator(options));
        Assert.Contains("CallerCertificateHashes['bad']", ex.Message, StringComparison.Ordinal);
        options.CallerCertificateHashes["bad"] = "zz";
        Assert.Contains("not hex", Assert.Throws<InvalidOperationException>(() => new ClientCertificateAuthenticator(options)).Message, StringComparison.Ordinal);
    }

    private static void PinCertificate(NexusZeroServiceOptions options) =>
        options.CallerCertificateHashes["pinned"] = ClientCertificateAuthenticator.HashHex(Pinned);

    private Task<HttpContext> Verify(TestService service, X509Certificate2? certificate, string? key)
    {
        var input = string.Join(",", fixture.Instances[0].Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
        return service.Server.SendAsync(c =>
        {
            Prepare(c, "/v1/inference/verify", "{\"modelId\":\"wine\",\"level\":\"LEVEL_OUTPUT_ONLY\",\"input\":[" + input + "]}", key);
            c.Connection.ClientCertificate = certificate;
        });
    }

    private static void Prepare(HttpContext context, string path, string json, string? key)
    {
        context.Request.Method = HttpMethods.Post;
        context.Request.Path = path;
        context.Request.ContentType = "application/json";
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(json));
        if (key is not null)
        {
            context.Request.Headers["x-api-key"] = key;
        }
    }

    private static async Task<string> Body(HttpContext context)
    {
        using var reader = new StreamReader(context.Response.Body);
        return await reader.ReadToEndAsync();
    }

    private static X509Certificate2 Create(string subject)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return new CertificateRequest($"CN={subject}", key, HashAlgorithmName.SHA256).CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
    }
}
