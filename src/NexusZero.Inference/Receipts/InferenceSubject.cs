using System.Security.Cryptography;
using NexusZero.Circuits;
using NexusZero.Inference.Proofs;

namespace NexusZero.Inference.Receipts;

/// <summary>
/// What an inference receipt is about: the model commitment, the quantized input (or, when it is committed, the input's
/// Poseidon commitment and no input values) and output (and argmax) of one inference. Its canonical bytes (<see cref="ToBytes"/>, docs/formats.md "Inference subject") are the consensus
/// proposal's output, so the certificate's output hash binds the model commitment, the input and the output at once.
/// </summary>
public sealed class InferenceSubject
{
    /// <summary>The length of a model commitment and of the input commitment: SHA-256.</summary>
    public const int CommitmentSize = 32;

    /// <summary>The most input or output values (u16 counts).</summary>
    public const int MaxValues = ushort.MaxValue;

    /// <summary>The prefix of <see cref="ModelId"/>; the model commitment in hex follows it.</summary>
    public const string ModelIdPrefix = "nexuszero-inference:";

    private readonly byte[] _modelCommitment;
    private readonly byte[] _bytes;

    /// <summary>Creates a subject.</summary>
    /// <param name="modelCommitment">The 32-byte model commitment the proof's statement carries.</param>
    /// <param name="claim">The quantized input (none when the claim carries an input commitment), output and argmax.</param>
    /// <exception cref="ArgumentException">The commitment is not 32 bytes, a count is outside 1 … 65535 (the input count 0 exactly when the input is committed), or the argmax is out of range.</exception>
    public InferenceSubject(ReadOnlySpan<byte> modelCommitment, InferenceClaim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        if (modelCommitment.Length != CommitmentSize)
        {
            throw new ArgumentException($"A model commitment is {CommitmentSize} bytes; got {modelCommitment.Length}.", nameof(modelCommitment));
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

        _modelCommitment = modelCommitment.ToArray();
        Claim = new InferenceClaim([.. claim.Input], [.. claim.Output], claim.ArgMax) { InputCommitment = claim.InputCommitment };
        _bytes = Encode();
        InputCommitment = claim.InputCommitment is FieldElement committed ? ElementBytes(committed) : ComputeInputCommitment(Claim.Input);
        ModelId = ModelIdPrefix + Convert.ToHexStringLower(_modelCommitment);
    }

    /// <summary>The model commitment (SHA-256 of the quantized model's canonical encoding).</summary>
    public ReadOnlySpan<byte> ModelCommitment => _modelCommitment;

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

    /// <summary>The consensus model id: <see cref="ModelIdPrefix"/> and the model commitment in lowercase hex.</summary>
    public string ModelId { get; }

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
        var committed = ReadLabel(ref reader);
        var commitment = reader.ReadBytes(CommitmentSize, "model commitment");
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
        return new InferenceSubject(commitment, new InferenceClaim(input, output, argMax) { InputCommitment = inputCommitment });
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

    /// <summary>The subject's label: true for the committed-input form, false for the public-input form; anything else is refused.</summary>
    private static bool ReadLabel(ref ReceiptReader reader)
    {
        var length = reader.ReadByte("subject label");
        var label = reader.ReadBytes(length, "subject label");
        if (label.SequenceEqual(ReceiptLabels.Subject))
        {
            return false;
        }

        return label.SequenceEqual(ReceiptLabels.SubjectCommittedInput)
            ? true
            : throw new FormatException("subject label: expected \"NexusZero/inference/subject/v1\" (public input) or \"NexusZero/inference/subject/committed-input/v1\" (committed input).");
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
        if (Claim.InputCommitment is FieldElement committed)
        {
            writer.WriteLabel(ReceiptLabels.SubjectCommittedInput);
            writer.WriteBytes(_modelCommitment);
            writer.WriteBytes(ElementBytes(committed));
            lists = [Claim.Output];
        }
        else
        {
            writer.WriteLabel(ReceiptLabels.Subject);
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
