using NexusZero.Transcripts;

namespace NexusZero.Proofs;

/// <summary>
/// Starts every NexusZero Fiat–Shamir transcript, binding everything public about a proof before the
/// proof system appends its own messages: the protocol label and transcript version, the proof-system
/// id, the parameter set, the whole canonical statement and the caller's context. The exact sequence
/// of labels and encodings is documented in docs/formats.md ("Proof transcript").
/// </summary>
public static class ProofTranscript
{
    /// <summary>The version of the binding sequence below; appended as <c>nexuszero-version</c>.</summary>
    public const ulong Version = 1;

    /// <summary>Creates a transcript bound to a proof's public inputs.</summary>
    /// <param name="proofSystem">The proof system that proves or verifies.</param>
    /// <param name="parameters">The parameter set in use.</param>
    /// <param name="statement">The public statement.</param>
    /// <param name="context">The caller's context bytes (may be empty).</param>
    /// <returns>A fresh transcript the caller owns and must dispose.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="parameters"/> or <paramref name="statement"/> is null.</exception>
    public static Transcript Begin(ProofSystemId proofSystem, ParameterSet parameters, Statement statement, ReadOnlySpan<byte> context)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(statement);

        var transcript = BeginShared(proofSystem, parameters);
        BindStatement(transcript, statement, context);
        return transcript;
    }

    /// <summary>
    /// The first part of <see cref="Begin"/>, common to every proof of one system under one parameter
    /// set: a batch verifier builds it once and clones it per proof, then calls <see cref="BindStatement"/>.
    /// </summary>
    internal static Transcript BeginShared(ProofSystemId proofSystem, ParameterSet parameters)
    {
        var transcript = new Transcript("NexusZero"u8);
        transcript.AppendUInt64("nexuszero-version"u8, Version);
        transcript.AppendUInt64("proof-system"u8, (ulong)proofSystem);
        transcript.AppendUInt64("parameter-set"u8, parameters.Id);
        transcript.AppendMessage("parameters"u8, parameters.ToCanonicalBytes());
        return transcript;
    }

    /// <summary>The rest of <see cref="Begin"/>: the statement's kind and canonical bytes, then the context.</summary>
    internal static void BindStatement(Transcript transcript, Statement statement, ReadOnlySpan<byte> context)
    {
        transcript.AppendUInt64("statement-kind"u8, (ulong)statement.Kind);
        transcript.AppendMessage("statement"u8, statement.ToCanonicalBytes());
        transcript.AppendMessage("context"u8, context);
    }
}
