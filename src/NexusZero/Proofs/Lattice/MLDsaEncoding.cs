using NexusZero.Lattices;

namespace NexusZero.Proofs.Lattice;

/// <summary>
/// The FIPS 204 encodings (Algorithms 22–28): pkEncode/pkDecode, skEncode/skDecode, sigEncode/sigDecode,
/// w1Encode. Decoders are strict: they check the length first and reject every out-of-range field.
/// </summary>
internal static class MLDsaEncoding
{
    private const int T1Bits = 10;
    private const int T0Bits = 13;

    /// <summary>pk = ρ ‖ SimpleBitPack(t1[i], 2^10 − 1).</summary>
    public static void EncodePublicKey(MLDsaParameters p, ReadOnlySpan<byte> rho, PolynomialVector t1, Span<byte> destination)
    {
        rho.CopyTo(destination);
        for (int i = 0; i < p.K; i++)
        {
            BitPacking.Pack(t1[i], T1Bits, destination.Slice(32 + (i * 320), 320));
        }
    }

    /// <summary>pkDecode; false for a wrong length (every 10-bit field is a valid t1 coefficient).</summary>
    public static bool TryDecodePublicKey(MLDsaParameters p, ReadOnlySpan<byte> encoded, out byte[] rho, out PolynomialVector t1)
    {
        rho = [];
        t1 = new PolynomialVector(p.K);
        if (encoded.Length != p.PublicKeySize)
        {
            return false;
        }

        rho = encoded[..32].ToArray();
        for (int i = 0; i < p.K; i++)
        {
            BitPacking.Unpack(encoded.Slice(32 + (i * 320), 320), T1Bits, t1[i]);
        }

        return true;
    }

    /// <summary>sk = ρ ‖ K ‖ tr ‖ BitPack(s1, η, η) ‖ BitPack(s2, η, η) ‖ BitPack(t0, 2^12 − 1, 2^12).</summary>
    public static void EncodeSecretKey(
        MLDsaParameters p,
        ReadOnlySpan<byte> rho,
        ReadOnlySpan<byte> key,
        ReadOnlySpan<byte> tr,
        PolynomialVector s1,
        PolynomialVector s2,
        PolynomialVector t0,
        Span<byte> destination)
    {
        rho.CopyTo(destination);
        key.CopyTo(destination[32..]);
        tr.CopyTo(destination[64..]);
        int offset = 128;
        int etaBytes = 32 * p.EtaBits;
        for (int i = 0; i < p.L; i++, offset += etaBytes)
        {
            BitPacking.PackOffset(s1[i], p.Eta, p.EtaBits, destination.Slice(offset, etaBytes));
        }

        for (int i = 0; i < p.K; i++, offset += etaBytes)
        {
            BitPacking.PackOffset(s2[i], p.Eta, p.EtaBits, destination.Slice(offset, etaBytes));
        }

        for (int i = 0; i < p.K; i++, offset += 32 * T0Bits)
        {
            BitPacking.PackOffset(t0[i], 1 << (T0Bits - 1), T0Bits, destination.Slice(offset, 32 * T0Bits));
        }
    }

    /// <summary>
    /// skDecode; false for a wrong length or an s1/s2 coefficient outside [−η, η] (checked without
    /// branching on the coefficient values; only the verdict leaks).
    /// </summary>
    public static bool TryDecodeSecretKey(
        MLDsaParameters p,
        ReadOnlySpan<byte> encoded,
        Span<byte> rho,
        Span<byte> key,
        Span<byte> tr,
        PolynomialVector s1,
        PolynomialVector s2,
        PolynomialVector t0)
    {
        if (encoded.Length != p.SecretKeySize)
        {
            return false;
        }

        encoded[..32].CopyTo(rho);
        encoded.Slice(32, 32).CopyTo(key);
        encoded.Slice(64, 64).CopyTo(tr);
        int offset = 128;
        int etaBytes = 32 * p.EtaBits;
        int outOfRange = 0;
        for (int i = 0; i < p.L; i++, offset += etaBytes)
        {
            outOfRange |= UnpackEta(p, encoded.Slice(offset, etaBytes), s1[i]);
        }

        for (int i = 0; i < p.K; i++, offset += etaBytes)
        {
            outOfRange |= UnpackEta(p, encoded.Slice(offset, etaBytes), s2[i]);
        }

        for (int i = 0; i < p.K; i++, offset += 32 * T0Bits)
        {
            Span<int> target = t0[i];
            BitPacking.Unpack(encoded.Slice(offset, 32 * T0Bits), T0Bits, target);
            for (int j = 0; j < Polynomial.N; j++)
            {
                target[j] = (1 << (T0Bits - 1)) - target[j];
            }
        }

        return outOfRange == 0;
    }

    /// <summary>sig = c̃ ‖ BitPack(z, γ1 − 1, γ1) ‖ HintBitPack(h).</summary>
    public static void EncodeSignature(MLDsaParameters p, ReadOnlySpan<byte> commitmentHash, PolynomialVector z, PolynomialVector hint, Span<byte> destination)
    {
        commitmentHash.CopyTo(destination);
        int offset = p.CommitmentHashSize;
        int zBytes = 32 * p.ZBits;
        for (int i = 0; i < p.L; i++, offset += zBytes)
        {
            BitPacking.PackOffset(z[i], p.Gamma1, p.ZBits, destination.Slice(offset, zBytes));
        }

        Span<byte> hints = destination.Slice(offset, p.Omega + p.K);
        hints.Clear();
        int index = 0;
        for (int i = 0; i < p.K; i++)
        {
            Span<int> h = hint[i];
            for (int j = 0; j < Polynomial.N; j++)
            {
                if (h[j] != 0)
                {
                    hints[index++] = (byte)j;
                }
            }

            hints[p.Omega + i] = (byte)index;
        }
    }

    /// <summary>
    /// sigDecode with HintBitUnpack's checks (FIPS 204 Algorithms 27 and 21): wrong length, hint counts
    /// decreasing or above ω, indices not strictly increasing within a polynomial, or non-zero padding
    /// all give false. Verifier-only (public input).
    /// </summary>
    public static bool TryDecodeSignature(MLDsaParameters p, ReadOnlySpan<byte> encoded, Span<byte> commitmentHash, PolynomialVector z, PolynomialVector hint)
    {
        if (encoded.Length != p.SignatureSize)
        {
            return false;
        }

        encoded[..p.CommitmentHashSize].CopyTo(commitmentHash);
        int offset = p.CommitmentHashSize;
        int zBytes = 32 * p.ZBits;
        for (int i = 0; i < p.L; i++, offset += zBytes)
        {
            Span<int> target = z[i];
            BitPacking.Unpack(encoded.Slice(offset, zBytes), p.ZBits, target);
            for (int j = 0; j < Polynomial.N; j++)
            {
                target[j] = p.Gamma1 - target[j];
            }
        }

        ReadOnlySpan<byte> hints = encoded.Slice(offset, p.Omega + p.K);
        hint.Coefficients.Clear();
        int index = 0;
        for (int i = 0; i < p.K; i++)
        {
            int end = hints[p.Omega + i];
            if (end < index || end > p.Omega)
            {
                return false;
            }

            int first = index;
            Span<int> h = hint[i];
            for (; index < end; index++)
            {
                if (index > first && hints[index - 1] >= hints[index])
                {
                    return false;
                }

                h[hints[index]] = 1;
            }
        }

        for (; index < p.Omega; index++)
        {
            if (hints[index] != 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>w1Encode: SimpleBitPack of every w1 polynomial.</summary>
    public static void EncodeW1(MLDsaParameters p, PolynomialVector w1, Span<byte> destination)
    {
        int bytes = 32 * p.W1Bits;
        for (int i = 0; i < p.K; i++)
        {
            BitPacking.Pack(w1[i], p.W1Bits, destination.Slice(i * bytes, bytes));
        }
    }

    private static int UnpackEta(MLDsaParameters p, ReadOnlySpan<byte> source, Span<int> destination)
    {
        BitPacking.Unpack(source, p.EtaBits, destination);
        int outOfRange = 0;
        for (int j = 0; j < Polynomial.N; j++)
        {
            outOfRange |= (2 * p.Eta) - destination[j];
            destination[j] = p.Eta - destination[j];
        }

        return outOfRange >> 31;
    }
}
