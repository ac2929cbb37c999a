using NexusZero.Compression;
using NexusZero.Optimization;
using NexusZero.Pipeline;
using NexusZero.Proofs;
using NexusZero.Tests.TestDoubles;

namespace NexusZero.Tests.Pipeline;

/// <summary>Builds pipelines around a <see cref="FakeProofSystem"/> and proves with a fixed secret.</summary>
internal static class PipelineFixture
{
    public static readonly byte[] Secret = [.. "correct horse battery staple"u8];

    public static readonly byte[] Context = [.. "session-42"u8];

    public static FakeStatement TheStatement => FakeStatement.For(Secret);

    public static ProofPipeline NewPipeline(
        FakeProofSystem system,
        ProtocolConfig? config = null,
        IParameterOptimizer? optimizer = null,
        CompressionManager? compression = null,
        TimeProvider? time = null) =>
        new(config ?? ProtocolConfig.Default(), optimizer, new ProofSystemRegistry([system]), compression, time);

    public static ProofRequest Request(FakeProofSystem system, byte[]? context = null) =>
        new(system, TheStatement, new FakeWitness((byte[])Secret.Clone()), context ?? Context);

    public static ProofResult Prove(ProofPipeline pipeline, FakeProofSystem system, byte[]? context = null)
    {
        var request = Request(system, context);
        try
        {
            return pipeline.Prove(request);
        }
        finally
        {
            request.Witness.Dispose();
        }
    }
}
