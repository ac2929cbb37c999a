using NexusZero.Groups;
using NexusZero.Groups.Ristretto255;
using NexusZero.Pipeline;
using NexusZero.Proofs;
using NexusZero.Proofs.Sigma;

namespace NexusZero.Tests.Api;

public sealed class NexuszeroApiTests
{
    private static readonly IPrimeOrderGroup Group = Ristretto255Group.Instance;

    // Schnorr over ristretto255 explicitly, so these tests do not depend on which groups the default registry ships.
    private static readonly ProofSystemRegistry Registry = new([new SchnorrProofSystem([Ristretto255Group.Instance])]);

    private static NexuszeroApi NewApi(ProtocolConfig? config = null, ProofSystemRegistry? registry = null) =>
        new(config, registry: registry ?? Registry);

    [Fact]
    public void ProvesAndVerifiesWithTheBasePoint()
    {
        var api = NewApi();
        using var secret = Group.RandomScalar();
        var publicValue = Group.MultiplyBase(secret);

        var result = api.ProveDiscreteLog(publicValue, secret, "ctx"u8);
        var bytes = result.ToBytes();

        Assert.Equal(ProofSystemId.SchnorrDiscreteLog, result.Envelope.ProofSystem);
        Assert.True(result.Metrics.VerifyAfterResult!.IsValid);
        Assert.True(api.Verify(bytes).IsValid);
        Assert.True(api.Verify(bytes, new DiscreteLogStatement(Group, publicValue)).IsValid);
    }

    [Fact]
    public void ProvesWithACallerChosenGenerator()
    {
        var api = NewApi();
        var generator = Group.ElementFromUniformBytes(new byte[64].Select((_, i) => (byte)i).ToArray());
        using var secret = Group.RandomScalar();
        var publicValue = generator.Multiply(secret);

        var bytes = api.ProveDiscreteLog(generator, publicValue, secret).ToBytes();

        Assert.True(api.Verify(bytes, new DiscreteLogStatement(Group, generator, publicValue)).IsValid);
        Assert.Equal(VerificationFailure.StatementMismatch, api.Verify(bytes, new DiscreteLogStatement(Group, publicValue)).Failure);
    }

    [Fact]
    public void SecretNotMatchingThePublicValueIsRefused()
    {
        var api = NewApi();
        using var secret = Group.RandomScalar();
        using var other = Group.RandomScalar();
        var publicValue = Group.MultiplyBase(other);

        var error = Assert.Throws<NexusZeroException>(() => api.ProveDiscreteLog(publicValue, secret));

        Assert.Equal(NexusZeroErrorKind.ValidationFailed, error.Kind);
        Assert.DoesNotContain(Convert.ToHexStringLower(secret.ToBytes()), error.Message, StringComparison.Ordinal);
        Assert.Equal(1, api.Statistics.GenerationFailures);
        Assert.Equal(0, api.Statistics.ProofsGenerated);
    }

    [Fact]
    public void IdentityPublicValueIsMisuse()
    {
        using var zero = Group.ScalarZero;

        Assert.Throws<ArgumentException>(() => NewApi().ProveDiscreteLog(Group.Identity, zero));
    }

    [Fact]
    public void ProofForXDoesNotVerifyForAnotherX()
    {
        var api = NewApi();
        using var secret = Group.RandomScalar();
        using var other = Group.RandomScalar();
        var envelope = api.ProveDiscreteLog(Group.MultiplyBase(secret), secret).Envelope;
        var swapped = new ProofEnvelope(
            envelope.ProofSystem,
            envelope.ParameterSetId,
            new DiscreteLogStatement(Group, Group.MultiplyBase(other)).ToCanonicalBytes(),
            envelope.Context.Span,
            envelope.Payload.Span);

        Assert.Equal(VerificationFailure.EquationFailed, api.Verify(swapped.ToBytes()).Failure);
    }

    [Fact]
    public void TamperedProofAndWrongContextAreRejected()
    {
        var api = NewApi();
        using var secret = Group.RandomScalar();
        var result = api.ProveDiscreteLog(Group.MultiplyBase(secret), secret, "login:alice"u8);
        var tampered = result.ToBytes();
        tampered[^1] ^= 0x01;
        var envelope = result.Envelope;
        var moved = new ProofEnvelope(envelope.ProofSystem, envelope.ParameterSetId, envelope.Statement.Span, "login:mallory"u8, envelope.Payload.Span);

        Assert.False(api.Verify(tampered).IsValid);
        Assert.Equal(VerificationFailure.EquationFailed, api.Verify(moved.ToBytes()).Failure);
    }

    [Fact]
    public void SecurePresetCannotProveOver128BitGroups()
    {
        var api = NewApi(ProtocolConfig.Secure());
        using var secret = Group.RandomScalar();

        var error = Assert.Throws<NexusZeroException>(() => api.ProveDiscreteLog(Group.MultiplyBase(secret), secret));

        Assert.Equal(NexusZeroErrorKind.OptimizationFailed, error.Kind);
    }

    [Fact]
    public void RegistryWithoutSchnorrIsAConfigurationError()
    {
        var api = NewApi(registry: new ProofSystemRegistry([]));
        using var secret = Group.RandomScalar();

        var error = Assert.Throws<NexusZeroException>(() => api.ProveDiscreteLog(Group.MultiplyBase(secret), secret));

        Assert.Equal(NexusZeroErrorKind.ConfigurationError, error.Kind);
    }

    [Fact]
    public void VerifyBatchKeepsInputOrderAndCounts()
    {
        var api = NewApi(ProtocolConfig.Fast());
        using var secret = Group.RandomScalar();
        var good = api.ProveDiscreteLog(Group.MultiplyBase(secret), secret).ToBytes();
        var tampered = (byte[])good.Clone();
        tampered[^2] ^= 0x40;

        var results = api.VerifyBatch([good, [1, 2, 3], tampered, good]);

        Assert.Equal(4, results.Count);
        Assert.True(results[0].IsValid);
        Assert.Equal(VerificationFailure.MalformedProof, results[1].Failure);
        Assert.False(results[2].IsValid);
        Assert.True(results[3].IsValid);
        Assert.Equal(new ApiStatistics(1, 0, 2, 2), api.Statistics);
    }

    [Fact]
    public void VerifyBatchRefusesNullItems()
    {
        Assert.Throws<ArgumentNullException>(() => NewApi().VerifyBatch([[1], null!]));
    }

    [Fact]
    public void MalformedBytesNeverThrow()
    {
        var api = NewApi();
        var random = new Random(11);
        for (var i = 0; i < 100; i++)
        {
            var bytes = new byte[random.Next(0, 200)];
            random.NextBytes(bytes);
            if (bytes.Length >= 4)
            {
                "NZPF"u8.CopyTo(bytes);
            }

            Assert.False(api.Verify(bytes).IsValid);
        }

        Assert.Equal(100, api.Statistics.ProofsRejected);
    }

    [Fact]
    public void OneInstanceIsSafeToShareAcrossThreads()
    {
        var api = NewApi();
        const int Threads = 4;
        const int PerThread = 10;
        var failures = 0;

        var threads = Enumerable.Range(0, Threads).Select(_ => new Thread(() =>
        {
            for (var i = 0; i < PerThread; i++)
            {
                try
                {
                    ProveAndVerify(i);
                }
                catch (Exception)
                {
                    Interlocked.Increment(ref failures);
                }
            }

            void ProveAndVerify(int i)
            {
                using var secret = Group.RandomScalar();
                var publicValue = Group.MultiplyBase(secret);
                var bytes = api.ProveDiscreteLog(publicValue, secret, BitConverter.GetBytes(i)).ToBytes();
                var ok = api.Verify(bytes, new DiscreteLogStatement(Group, publicValue)).IsValid;
                bytes[^1] ^= 1;
                var rejected = !api.Verify(bytes).IsValid;
                if (!ok || !rejected)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.Equal(0, failures);
        Assert.Equal(new ApiStatistics(Threads * PerThread, 0, Threads * PerThread, Threads * PerThread), api.Statistics);
    }
}
