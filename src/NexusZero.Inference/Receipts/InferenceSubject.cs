using System.Security.Cryptography;
using NexusZero.Circuits;
using NexusZero.Inference.Proofs;

namespace NexusZero.Inference.Receipts;

/// <summary>
/// What an inference receipt is about: the model commitment (public weights: the model's SHA-256 commitment; private
/// weights: the weights' Poseidon commitment, <see cref="ForPrivateWeights"/>), the quantized input (or, when it is
/// committed, the input's Poseidon commitment and no input values) and output (and argmax) of one inference. Its
/// canonical bytes (<see cref="ToBytes"/>, docs/formats.md "Inference subject") are the consensus proposal's output, so
/// the certificate's output hash binds the model commitment, its kind, the input and the output at once.
/// </summary>
public sealed class InferenceSubject
{
    /// <summary>The length of a model commitment (SHA-256, or a canonical Fr element with private weights) and of the input commitment.</summary>
    public const int CommitmentSize = 32;

    /// <summary>The most input or output values (u16 counts).</summary>
    public const int MaxValues = ushort.MaxValue;

    /// <summary>The prefix of <see cref="ModelId"/> with public weights; the model commitment in hex follows it.</summary>
    public const string ModelIdPrefix = "nexuszero-inference:";

    /// <summary>
    /// The prefix of <see cref="ModelId"/> with private weights; the weights commitment in hex follows it. Distinct from
    /// <see cref="ModelIdPrefix"/>, so one consensus model id never names both a SHA-256 and a Poseidon commitment.
    /// </summary>
    public const string PrivateModelIdPrefix = "nexuszero-inference-private:";

    private readonly byte[] _modelCommitment;
    private readonly byte[] _bytes;

    /// <summary>Creates the subject of an inference by a model with public weights.</summary>
    /// <param name="modelCommitment">The 32-byte model commitment the proof's statement carries.</param>
    /// <param name="claim">The quantized input (none when the claim carries an input commitment), output and argmax.</param>
    /// <exception cref="ArgumentException">The commitment is not 32 bytes, the claim carries a weights commitment (use <see cref="ForPrivateWeights"/>), a count is outside 1 … 65535 (the input count 0 exactly when the input is committed), or the argmax is out of range.</exception>
    public InferenceSubject(ReadOnlySpan<byte> modelCommitment, InferenceClaim claim)
        : this(WeightVisibility.Public, modelCommitment, claim)
    {
    }

    private InferenceSubject(WeightVisibility weights, ReadOnlySpan<byte> modelCommitment, InferenceClaim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        if (modelCommitment.Length != CommitmentSize)
        {
            throw new ArgumentException($"A model commitment is {CommitmentSize} bytes; got {modelCommitment.Length}.", nameof(modelCommitment));
        }

        if ((weights == WeightVisibility.Private) != claim.WeightsCommitment.HasValue)
        {
            throw new ArgumentException(weights == WeightVisibility.Private
                ? "A private-weights subject needs the claim's weights commitment."
                : "The claim carries a weights commitment (private weights): make its subject with InferenceSubject.ForPrivateWeights.", nameof(claim));
        }

        if (claim.InputCommitment is not null)
        {
            if (claim.Input.Count != 0)
            {
                throw new ArgumentException("A claim with an input commitment carries no input values.", nameof(claim));
            }
        }
        else if (claim.Input.Count is 0 or > MaxValues)
        {
            throw new ArgumentException($"A claim has 1 … {MaxValues} inputs; got {claim.Input.Count}.", nameof(claim));
        }

        if (claim.Output.Count is 0 or > MaxValues)
        {
            throw new ArgumentException($"A claim has 1 … {MaxValues} outputs; got {claim.Output.Count}.", nameof(claim));
        }

        if (claim.ArgMax is < 0 || claim.ArgMax >= claim.Output.Count)
        {
            throw new ArgumentException($"The argmax {claim.ArgMax} is not an output index (0 … {claim.Output.Count - 1}).", nameof(claim));
        }

        Weights = weights;
        _modelCommitment = modelCommitment.ToArray();
        Claim = new InferenceClaim([.. claim.Input], [.. claim.Output], claim.ArgMax) { InputCommitment = claim.InputCommitment, WeightsCommitment = claim.WeightsCommitment };
        _bytes = Encode();
        InputCommitment = claim.InputCommitment is FieldElement committed ? ElementBytes(committed) : ComputeInputCommitment(Claim.Input);
        ModelId = (weights == WeightVisibility.Private ? PrivateModelIdPrefix : ModelIdPrefix) + Convert.ToHexStringLower(_modelCommitment);
    }

    /// <summary>
    /// The model commitment the proof's statement carries: with public weights the SHA-256 of the quantized model's
    /// canonical encoding; with private weights the weights' Poseidon commitment as 32 big-endian bytes (a canonical
    /// element of Fr, <see cref="PrivateWeightsOpening.CommitmentBytes"/>).
    /// </summary>
    public ReadOnlySpan<byte> ModelCommitment => _modelCommitment;

    /// <summary>
    /// Whether the model's weights are public (the key pins them; <see cref="ModelCommitment"/> is their SHA-256
    /// commitment) or private (<see cref="ModelCommitment"/> is their Poseidon commitment, in <see cref="InferenceClaim.WeightsCommitment"/> too).
    /// </summary>
    public WeightVisibility Weights { get; }

    /// <summary>The quantized input, output and argmax.</summary>
    public InferenceClaim Claim { get; }

    /// <summary>
    /// Public input: SHA-256 over the label <c>NexusZero/inference/input/v1</c>, the input count (u16) and the quantized
    /// inputs (i64 each), a short name for the input (the input itself travels too, because the circuit takes it as
    /// public). Committed input: the input's Poseidon commitment itself (<see cref="CommittedInputOpening.Commitment"/>,
    /// 32 bytes big-endian), the value the proof's statement carries.
    /// </summary>
    public ReadOnlyMemory<byte> InputCommitment { get; }

    /// <summary>Whether the input is committed (the subject then holds no input values).</summary>
    public bool IsInputCommitted => Claim.InputCommitment is not null;

    /// <summary>The consensus model id: <see cref="ModelIdPrefix"/> (public weights) or <see cref="PrivateModelIdPrefix"/> (private weights), and the model commitment in lowercase hex.</summary>
    public string ModelId { get; }

    /// <summary>Creates the subject of an inference by a model with private weights, named by the claim's weights commitment.</summary>
    /// <param name="claim">The claim, with the weights commitment (<see cref="InferenceClaim.WeightsCommitment"/>), the quantized input or its commitment, the output and argmax.</param>
    /// <returns>The subject.</returns>
    /// <exception cref="ArgumentException">The claim has no weights commitment, a count is outside 1 … 65535 (the input count 0 exactly when the input is committed), or the argmax is out of range.</exception>
    public static InferenceSubject ForPrivateWeights(InferenceClaim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return claim.WeightsCommitment is FieldElement weights
            ? new InferenceSubject(WeightVisibility.Private, ElementBytes(weights), claim)
            : throw new ArgumentException("A private-weights subject needs the claim's weights commitment.", nameof(claim));
    }

    /// <summary>The subject of a proof's claim: <see cref="ForPrivateWeights"/> when it carries a weights commitment, else the public-weights form for <paramref name="modelCommitment"/>.</summary>
    /// <param name="modelCommitment">The model's SHA-256 commitment (used with public weights only).</param>
    /// <param name="claim">The proof's claim.</param>
    /// <returns>The subject.</returns>
    /// <exception cref="ArgumentException">As the two forms' constructors.</exception>
    public static InferenceSubject For(ReadOnlySpan<byte> modelCommitment, InferenceClaim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return claim.WeightsCommitment is null ? new InferenceSubject(modelCommitment, claim) : ForPrivateWeights(claim);
    }

    /// <summary>The canonical bytes (a copy).</summary>
    /// <returns>The encoding.</returns>
    public byte[] ToBytes() => (byte[])_bytes.Clone();

    /// <summary>Parses the canonical bytes strictly: label, bounded counts, argmax in range, no trailing bytes.</summary>
    /// <param name="bytes">The encoding.</param>
    /// <returns>The subject.</returns>
    /// <exception cref="FormatException">The bytes are not a canonical subject; the message names the field.</exception>
    public static InferenceSubject Parse(ReadOnlySpan<byte> bytes)
    {
        var reader = new ReceiptReader(bytes);
        var (weights, committed) = ReadLabel(ref reader);
        var commitment = reader.ReadBytes(CommitmentSize, weights == WeightVisibility.Private ? "weights commitment" : "model commitment");
        FieldElement? weightsCommitment = null;
        if (weights == WeightVisibility.Private)
        {
            weightsCommitment = FieldElement.TryFromBigEndian(commitment, out var element)
                ? element
                : throw new FormatException("weights commitment: not a canonical element of Fr (≥ r).");
        }

        long[] input = [];
        FieldElement? inputCommitment = null;
        if (committed)
        {
            inputCommitment = FieldElement.TryFromBigEndian(reader.ReadBytes(FieldElement.ByteLength, "input commitment"), out var element)
                ? element
                : throw new FormatException("input commitment: not a canonical element of Fr (≥ r).");
        }
        else
        {
            input = ReadValues(ref reader, "input");
        }

        var output = ReadValues(ref reader, "output");
        int? argMax = reader.ReadByte("argmax flag") switch
        {
            0 => null,
            1 => reader.ReadUInt16("argmax"),
            var flag => throw new FormatException($"argmax flag: {flag} is neither 0 nor 1."),
        };
        if (argMax >= output.Length)
        {
            throw new FormatException($"argmax: {argMax} is not an output index (0 … {output.Length - 1}).");
        }

        reader.EnsureEnd("subject");
        return new InferenceSubject(weights, commitment, new InferenceClaim(input, output, argMax) { InputCommitment = inputCommitment, WeightsCommitment = weightsCommitment });
    }

    /// <summary>True when both name the same model commitment, input, output and argmax.</summary>
    /// <param name="other">The other subject.</param>
    /// <returns>True when equal.</returns>
    public bool SameAs(InferenceSubject other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return _bytes.AsSpan().SequenceEqual(other._bytes);
    }

    internal static byte[] ComputeInputCommitment(IReadOnlyList<long> input)
    {
        var writer = new ReceiptWriter(8 + (8 * input.Count));
        writer.WriteLabel(ReceiptLabels.Input);
        writer.WriteUInt16(input.Count);
        foreach (var value in input)
        {
            writer.WriteInt64(value);
        }

        return SHA256.HashData(writer.WrittenSpan);
    }

    /// <summary>The subject's label: which of the four forms (public or private weights, public or committed input); anything else is refused.</summary>
    private static (WeightVisibility Weights, bool CommittedInput) ReadLabel(ref ReceiptReader reader)
    {
        var length = reader.ReadByte("subject label");
        var label = reader.ReadBytes(length, "subject label");
        if (label.SequenceEqual(ReceiptLabels.Subject))
        {
            return (WeightVisibility.Public, false);
        }

        if (label.SequenceEqual(ReceiptLabels.SubjectCommittedInput))
        {
            return (WeightVisibility.Public, true);
        }

        if (label.SequenceEqual(ReceiptLabels.SubjectPrivateWeights))
        {
            return (WeightVisibility.Private, false);
        }

        return label.SequenceEqual(ReceiptLabels.SubjectPrivateWeightsCommittedInput)
            ? (WeightVisibility.Private, true)
            : throw new FormatException("subject label: expected \"NexusZero/inference/subject/v1\", \"NexusZero/inference/subject/committed-input/v1\", \"NexusZero/inference/subject/private-weights/v1\" or \"NexusZero/inference/subject/private-weights/committed-input/v1\".");
    }

    private static byte[] ElementBytes(FieldElement value)
    {
        var bytes = new byte[FieldElement.ByteLength];
        value.WriteBigEndian(bytes);
        return bytes;
    }

    private static long[] ReadValues(ref ReceiptReader reader, string field)
    {
        var count = reader.ReadCount16($"{field} count", 1, MaxValues);
        if (count * 8L > reader.Remaining)
        {
            throw new FormatException($"{field}: {count} values need {count * 8L} bytes but only {reader.Remaining} remain.");
        }

        var values = new long[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = reader.ReadInt64($"{field} {i}");
        }

        return values;
    }

    private byte[] Encode()
    {
        var writer = new ReceiptWriter(128 + (8 * (Claim.Input.Count + Claim.Output.Count)));
        IReadOnlyList<long>[] lists;
        var isPrivate = Weights == WeightVisibility.Private;
        if (Claim.InputCommitment is FieldElement committed)
        {
            writer.WriteLabel(isPrivate ? ReceiptLabels.SubjectPrivateWeightsCommittedInput : ReceiptLabels.SubjectCommittedInput);
            writer.WriteBytes(_modelCommitment);
            writer.WriteBytes(ElementBytes(committed));
            lists = [Claim.Output];
        }
        else
        {
            writer.WriteLabel(isPrivate ? ReceiptLabels.SubjectPrivateWeights : ReceiptLabels.Subject);
            writer.WriteBytes(_modelCommitment);
            lists = [Claim.Input, Claim.Output];
        }

        foreach (var values in lists)
        {
            writer.WriteUInt16(values.Count);
            foreach (var value in values)
            {
                writer.WriteInt64(value);
            }
        }

        if (Claim.ArgMax is int argMax)
        {
            writer.WriteByte(1);
            writer.WriteUInt16(argMax);
        }
        else
        {
            writer.WriteByte(0);
        }

        return writer.ToArray();
    }
}
