using System.Security.Cryptography;
using NexusZero.Circuits;
using NexusZero.Inference.Circuits;
using NexusZero.Inference.Quantization;

namespace NexusZero.Inference.Proofs;

/// <summary>
/// The opening of a committed input (docs/formats.md, "Committed-input commitment"): the commitment a proof's statement
/// carries and the random blinding that makes it hiding. The prover gets one with every committed-input proof
/// (<see cref="InferenceProof.InputOpening"/>); whoever it hands the opening and the input to can check, outside the
/// circuit, that the proof was about that input (<see cref="Opens(QuantizedModel, IReadOnlyList{long})"/>). Anyone else
/// learns nothing about the input from the commitment. Dispose it to zero the blinding.
/// </summary>
public sealed class CommittedInputOpening : IDisposable
{
    /// <summary>The length of <see cref="ToBytes"/>: label, commitment, blinding.</summary>
    public const int EncodedLength = 1 + 36 + 32 + 32;

    private static ReadOnlySpan<byte> Label => "NexusZero/inference/input-opening/v1"u8;

    private FieldElement _blinding;
    private bool _disposed;

    private CommittedInputOpening(FieldElement commitment, FieldElement blinding)
    {
        Commitment = commitment;
        _blinding = blinding;
    }

    /// <summary>The input commitment: the statement's public input value in committed-input mode.</summary>
    public FieldElement Commitment { get; }

    /// <summary>The blinding, for the prover and the circuit.</summary>
    internal FieldElement Blinding
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _blinding;
        }
    }

    /// <summary>The commitment as 32 big-endian bytes (a canonical element of BN254's Fr).</summary>
    /// <returns>The bytes.</returns>
    public byte[] CommitmentBytes()
    {
        var bytes = new byte[FieldElement.ByteLength];
        Commitment.WriteBigEndian(bytes);
        return bytes;
    }

    /// <summary>Commits to a quantized input with a given blinding: for restoring a stored opening and for tests.</summary>
    /// <param name="model">The quantized model the input is for (its input count and width enter the commitment).</param>
    /// <param name="quantizedInput">The quantized input (<see cref="QuantizedModel.QuantizeInput"/>).</param>
    /// <param name="blinding">The blinding; it must have come from a uniform source for the commitment to hide.</param>
    /// <returns>The opening.</returns>
    /// <exception cref="ArgumentException">The input's length or a value does not fit the model's quantized input.</exception>
    public static CommittedInputOpening FromBlinding(QuantizedModel model, IReadOnlyList<long> quantizedInput, FieldElement blinding)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(quantizedInput);
        CheckRange(model, quantizedInput);
        return new CommittedInputOpening(InputCommitment.Compute(model, quantizedInput, blinding), blinding);
    }

    /// <summary>Commits to a quantized input with a fresh blinding from the OS CSPRNG (what proving does).</summary>
    internal static CommittedInputOpening Create(QuantizedModel model, IReadOnlyList<long> quantizedInput) =>
        FromBlinding(model, quantizedInput, RandomFieldElement.Uniform());

    /// <summary>
    /// Whether this opening opens to <paramref name="quantizedInput"/> for <paramref name="model"/>: recomputes the
    /// commitment with this blinding and compares in fixed time. A verifier that was handed the input and the opening
    /// checks it against the commitment of the statement it verified (<see cref="Commitment"/>, or pass that one to
    /// <see cref="Opens(QuantizedModel, IReadOnlyList{long}, FieldElement)"/>).
    /// </summary>
    /// <param name="model">The quantized model.</param>
    /// <param name="quantizedInput">The claimed quantized input.</param>
    /// <returns>True when the commitment is that of the input under this blinding.</returns>
    /// <exception cref="ObjectDisposedException">The opening was disposed.</exception>
    public bool Opens(QuantizedModel model, IReadOnlyList<long> quantizedInput) => Opens(model, quantizedInput, Commitment);

    /// <summary>Whether <paramref name="commitment"/> (a statement's) is the commitment to <paramref name="quantizedInput"/> under this opening's blinding.</summary>
    /// <param name="model">The quantized model.</param>
    /// <param name="quantizedInput">The claimed quantized input.</param>
    /// <param name="commitment">The commitment to check, e.g. a verified claim's <see cref="InferenceClaim.InputCommitment"/>.</param>
    /// <returns>True when it opens; false for a wrong length or an out-of-range value too.</returns>
    /// <exception cref="ObjectDisposedException">The opening was disposed.</exception>
    public bool Opens(QuantizedModel model, IReadOnlyList<long> quantizedInput, FieldElement commitment)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(quantizedInput);
        var blinding = Blinding;
        if (quantizedInput.Count != model.Source.InputSize || !InRange(model, quantizedInput))
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[FieldElement.ByteLength];
        Span<byte> actual = stackalloc byte[FieldElement.ByteLength];
        commitment.WriteBigEndian(expected);
        InputCommitment.Compute(model, quantizedInput, blinding).WriteBigEndian(actual);
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }

    /// <summary>The opening's bytes (label ‖ commitment ‖ blinding, docs/formats.md): secret, since the blinding hides the input.</summary>
    /// <returns>The <see cref="EncodedLength"/> bytes; zero them when done.</returns>
    /// <exception cref="ObjectDisposedException">The opening was disposed.</exception>
    public byte[] ToBytes()
    {
        var bytes = new byte[EncodedLength];
        bytes[0] = (byte)Label.Length;
        Label.CopyTo(bytes.AsSpan(1));
        Commitment.WriteBigEndian(bytes.AsSpan(1 + Label.Length, FieldElement.ByteLength));
        Blinding.WriteBigEndian(bytes.AsSpan(1 + Label.Length + FieldElement.ByteLength));
        return bytes;
    }

    /// <summary>Parses <see cref="ToBytes"/> strictly and checks that the commitment is the input's under the blinding.</summary>
    /// <param name="model">The quantized model.</param>
    /// <param name="quantizedInput">The input the opening is for.</param>
    /// <param name="bytes">The encoding.</param>
    /// <returns>The opening.</returns>
    /// <exception cref="FormatException">Wrong length or label, a non-canonical element, or the commitment does not open to the input.</exception>
    public static CommittedInputOpening Parse(QuantizedModel model, IReadOnlyList<long> quantizedInput, ReadOnlySpan<byte> bytes)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(quantizedInput);
        if (bytes.Length != EncodedLength)
        {
            throw new FormatException($"input opening: {bytes.Length} bytes, expected {EncodedLength}.");
        }

        if (bytes[0] != Label.Length || !bytes.Slice(1, Label.Length).SequenceEqual(Label))
        {
            throw new FormatException("input opening: expected the label \"NexusZero/inference/input-opening/v1\".");
        }

        var start = 1 + Label.Length;
        if (!FieldElement.TryFromBigEndian(bytes.Slice(start, FieldElement.ByteLength), out var commitment))
        {
            throw new FormatException("input opening: the commitment is not a canonical element of Fr.");
        }

        if (!FieldElement.TryFromBigEndian(bytes.Slice(start + FieldElement.ByteLength), out var blinding))
        {
            throw new FormatException("input opening: the blinding is not a canonical element of Fr.");
        }

        var opening = new CommittedInputOpening(commitment, blinding);
        if (!opening.Opens(model, quantizedInput))
        {
            opening.Dispose();
            throw new FormatException("input opening: the commitment is not that of the given input under the blinding.");
        }

        return opening;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _blinding = default;
        _disposed = true;
    }

    private static bool InRange(QuantizedModel model, IReadOnlyList<long> input)
    {
        var limit = 1L << (model.Options.InputBits - 1);
        var ok = true;
        foreach (var x in input)
        {
            ok &= x >= -limit && x < limit;
        }

        return ok;
    }

    private static void CheckRange(QuantizedModel model, IReadOnlyList<long> input)
    {
        if (input.Count != model.Source.InputSize)
        {
            throw new ArgumentException($"The model takes {model.Source.InputSize} inputs, not {input.Count}.", nameof(input));
        }

        if (!InRange(model, input))
        {
            throw new ArgumentException($"A quantized input is outside the model's {model.Options.InputBits}-bit range.", nameof(input));
        }
    }
}
