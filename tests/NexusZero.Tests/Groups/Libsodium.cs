using System.Runtime.InteropServices;

namespace NexusZero.Tests.Groups;

/// <summary>
/// The ristretto255 functions of the system's libsodium, the independent implementation the tests
/// cross-check against. Loading failure is a test failure with instructions, never a skip.
/// </summary>
internal static unsafe class Libsodium
{
    private static readonly Lazy<IntPtr> Handle = new(Load);

    private static IntPtr Load()
    {
        foreach (var name in new[] { "libsodium.so.23", "libsodium" })
        {
            if (NativeLibrary.TryLoad(name, out var handle))
            {
                var init = (delegate* unmanaged<int>)NativeLibrary.GetExport(handle, "sodium_init");
                if (init() < 0)
                {
                    throw new InvalidOperationException("sodium_init() failed.");
                }

                return handle;
            }
        }

        throw new DllNotFoundException(
            "libsodium (libsodium.so.23) is required by the ristretto255 cross-check tests but could not be loaded. " +
            "Install it with .ci/deps/ristretto255.sh (Debian/Ubuntu package libsodium23).");
    }

    private static IntPtr Export(string name) => NativeLibrary.GetExport(Handle.Value, name);

    internal static bool IsValidPoint(ReadOnlySpan<byte> p)
    {
        var f = (delegate* unmanaged<byte*, int>)Export("crypto_core_ristretto255_is_valid_point");
        fixed (byte* pp = p)
        {
            return f(pp) == 1;
        }
    }

    internal static byte[] Add(ReadOnlySpan<byte> p, ReadOnlySpan<byte> q)
    {
        var f = (delegate* unmanaged<byte*, byte*, byte*, int>)Export("crypto_core_ristretto255_add");
        var r = new byte[32];
        fixed (byte* pr = r, pp = p, pq = q)
        {
            if (f(pr, pp, pq) != 0)
            {
                throw new InvalidOperationException("crypto_core_ristretto255_add failed.");
            }
        }

        return r;
    }

    internal static byte[] FromHash(ReadOnlySpan<byte> hash)
    {
        var f = (delegate* unmanaged<byte*, byte*, int>)Export("crypto_core_ristretto255_from_hash");
        var r = new byte[32];
        fixed (byte* pr = r, ph = hash)
        {
            f(pr, ph);
        }

        return r;
    }

    /// <summary>n·P; null when libsodium reports the identity (it refuses to return it).</summary>
    internal static byte[]? ScalarMult(ReadOnlySpan<byte> n, ReadOnlySpan<byte> p)
    {
        var f = (delegate* unmanaged<byte*, byte*, byte*, int>)Export("crypto_scalarmult_ristretto255");
        var r = new byte[32];
        fixed (byte* pr = r, pn = n, pp = p)
        {
            return f(pr, pn, pp) == 0 ? r : null;
        }
    }

    /// <summary>n·B; null when the result is the identity.</summary>
    internal static byte[]? ScalarMultBase(ReadOnlySpan<byte> n)
    {
        var f = (delegate* unmanaged<byte*, byte*, int>)Export("crypto_scalarmult_ristretto255_base");
        var r = new byte[32];
        fixed (byte* pr = r, pn = n)
        {
            return f(pr, pn) == 0 ? r : null;
        }
    }

    internal static byte[] ScalarReduce(ReadOnlySpan<byte> wide)
    {
        var f = (delegate* unmanaged<byte*, byte*, void>)Export("crypto_core_ristretto255_scalar_reduce");
        var r = new byte[32];
        fixed (byte* pr = r, pw = wide)
        {
            f(pr, pw);
        }

        return r;
    }

    internal static byte[] ScalarMul(ReadOnlySpan<byte> x, ReadOnlySpan<byte> y) => Binary("crypto_core_ristretto255_scalar_mul", x, y);

    internal static byte[] ScalarAdd(ReadOnlySpan<byte> x, ReadOnlySpan<byte> y) => Binary("crypto_core_ristretto255_scalar_add", x, y);

    internal static byte[] ScalarSub(ReadOnlySpan<byte> x, ReadOnlySpan<byte> y) => Binary("crypto_core_ristretto255_scalar_sub", x, y);

    internal static byte[] ScalarInvert(ReadOnlySpan<byte> s)
    {
        var f = (delegate* unmanaged<byte*, byte*, int>)Export("crypto_core_ristretto255_scalar_invert");
        var r = new byte[32];
        fixed (byte* pr = r, ps = s)
        {
            if (f(pr, ps) != 0)
            {
                throw new InvalidOperationException("crypto_core_ristretto255_scalar_invert failed.");
            }
        }

        return r;
    }

    private static byte[] Binary(string name, ReadOnlySpan<byte> x, ReadOnlySpan<byte> y)
    {
        var f = (delegate* unmanaged<byte*, byte*, byte*, void>)Export(name);
        var r = new byte[32];
        fixed (byte* pr = r, px = x, py = y)
        {
            f(pr, px, py);
        }

        return r;
    }
}
