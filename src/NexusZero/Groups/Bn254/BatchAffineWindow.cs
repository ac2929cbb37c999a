namespace NexusZero.Groups.Bn254;

/// <summary>
/// One Pippenger window with its buckets in affine coordinates, added to in batches that share one field
/// inversion (Montgomery's trick): an affine addition costs 3M for the batched inverse, 1M for the slope,
/// 1S + 1M for the result, about 6 multiplications against 11 for a mixed Jacobian addition.
/// <para>
/// A batch may touch each bucket at most once (its pending sum is not known until the batch ends); a point
/// for a bucket already in the batch waits (up to half a batch of them) and is added again after the next
/// flush; a point that finds no room to wait, or collides again in the last batch, and a point whose x equals
/// the bucket's (a doubling or a cancellation, which the affine slope formula cannot take), goes to that
/// bucket's Jacobian overflow instead, and the two halves are joined when the buckets are summed. Variable
/// time, like <see cref="Pippenger"/>.
/// </para>
/// </summary>
internal sealed class BatchAffineWindow<TField, TCurve>
    where TField : struct, IBn254Field<TField>
    where TCurve : struct, ICurveEquation<TField>
{
    private readonly TField[] _bucketX;
    private readonly TField[] _bucketY;
    private readonly bool[] _filled;
    private readonly int[] _batchStamp;
    private readonly JacobianPoint<TField, TCurve>[] _overflow;
    private readonly int[] _pendingBucket;
    private readonly TField[] _pendingX;
    private readonly TField[] _pendingY;
    private readonly TField[] _denominator;
    private readonly TField[] _prefix;
    private int[] _deferredBucket;
    private TField[] _deferredX;
    private TField[] _deferredY;
    private int[] _retryBucket;
    private TField[] _retryX;
    private TField[] _retryY;
    private int _deferred;
    private int _pending;
    private int _stamp = 1;

    public BatchAffineWindow(int bucketCount, int batchSize)
    {
        _bucketX = new TField[bucketCount];
        _bucketY = new TField[bucketCount];
        _filled = new bool[bucketCount];
        _batchStamp = new int[bucketCount];
        _overflow = new JacobianPoint<TField, TCurve>[bucketCount];
        Array.Fill(_overflow, JacobianPoint<TField, TCurve>.Identity);
        _pendingBucket = new int[batchSize];
        _pendingX = new TField[batchSize];
        _pendingY = new TField[batchSize];
        _denominator = new TField[batchSize];
        _prefix = new TField[batchSize];

        // Fewer than half a batch waits, so re-adding the waiting points after a flush can never fill the batch
        // again (no flush inside a retry); batches of one or two defer nothing.
        var deferredCapacity = (batchSize - 1) / 2;
        _deferredBucket = new int[deferredCapacity];
        _deferredX = new TField[deferredCapacity];
        _deferredY = new TField[deferredCapacity];
        _retryBucket = new int[deferredCapacity];
        _retryX = new TField[deferredCapacity];
        _retryY = new TField[deferredCapacity];
    }

    /// <summary>Σ over i of digits[i]·(xs[i], ys[i]) for signed digits up to the bucket count.</summary>
    public JacobianPoint<TField, TCurve> Sum(ReadOnlySpan<short> digits, TField[] xs, TField[] ys)
    {
        for (var i = 0; i < digits.Length; i++)
        {
            int digit = digits[i];
            if (digit != 0)
            {
                Add(Math.Abs(digit) - 1, xs[i], digit > 0 ? ys[i] : -ys[i]);
            }
        }

        // The points still waiting get one more batch; any that collide again go to the Jacobian overflow.
        Flush();
        Retry(allowDefer: false);
        Flush();

        // Σ d·bucket[d] = Σ over d of (bucket[top] + … + bucket[d]).
        var running = JacobianPoint<TField, TCurve>.Identity;
        var sum = JacobianPoint<TField, TCurve>.Identity;
        for (var b = _filled.Length - 1; b >= 0; b--)
        {
            if (_filled[b])
            {
                running = running.AddAffine(_bucketX[b], _bucketY[b]);
            }

            running = running.Add(_overflow[b]);
            sum = sum.Add(running);
        }

        return sum;
    }

    private void Add(int bucket, in TField x, in TField y, bool allowDefer = true)
    {
        if (!_filled[bucket])
        {
            _bucketX[bucket] = x;
            _bucketY[bucket] = y;
            _filled[bucket] = true;
            return;
        }

        if (_batchStamp[bucket] == _stamp && allowDefer && _deferred < _deferredBucket.Length)
        {
            // The bucket is already in this batch: the point waits for the next one rather than costing a
            // Jacobian addition now and a general one when the buckets are summed.
            _deferredBucket[_deferred] = bucket;
            _deferredX[_deferred] = x;
            _deferredY[_deferred] = y;
            _deferred++;
            return;
        }

        var dx = x - _bucketX[bucket];
        if (_batchStamp[bucket] == _stamp || dx.IsZero)
        {
            _overflow[bucket] = _overflow[bucket].AddAffine(x, y);
            return;
        }

        _batchStamp[bucket] = _stamp;
        _pendingBucket[_pending] = bucket;
        _pendingX[_pending] = x;
        _pendingY[_pending] = y;
        _denominator[_pending] = dx;
        if (++_pending == _pendingBucket.Length)
        {
            Flush();
            Retry(allowDefer: true);
        }
    }

    /// <summary>Adds the waiting points again after a flush (fewer than a batch, so this cannot flush).</summary>
    private void Retry(bool allowDefer)
    {
        var count = _deferred;
        (_deferredBucket, _retryBucket) = (_retryBucket, _deferredBucket);
        (_deferredX, _retryX) = (_retryX, _deferredX);
        (_deferredY, _retryY) = (_retryY, _deferredY);
        _deferred = 0;
        for (var k = 0; k < count; k++)
        {
            Add(_retryBucket[k], _retryX[k], _retryY[k], allowDefer);
        }
    }

    /// <summary>Completes the pending additions with one inversion of the product of their denominators.</summary>
    private void Flush()
    {
        var count = _pending;
        if (count == 0)
        {
            return;
        }

        var product = TField.One;
        for (var k = 0; k < count; k++)
        {
            _prefix[k] = product;
            product *= _denominator[k];
        }

        var inverse = product.Invert();
        for (var k = count - 1; k >= 0; k--)
        {
            var bucket = _pendingBucket[k];
            var slopeInverse = inverse * _prefix[k];
            inverse *= _denominator[k];
            var x1 = _bucketX[bucket];
            var lambda = (_pendingY[k] - _bucketY[bucket]) * slopeInverse;
            var x3 = lambda.Square() - x1 - _pendingX[k];
            _bucketY[bucket] = (lambda * (x1 - x3)) - _bucketY[bucket];
            _bucketX[bucket] = x3;
        }

        _pending = 0;
        _stamp++;
    }
}
