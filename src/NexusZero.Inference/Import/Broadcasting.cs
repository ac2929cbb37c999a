namespace NexusZero.Inference.Import;

/// <summary>NumPy-style (multidirectional) broadcasting of two shapes, as ONNX's Add defines it.</summary>
internal static class Broadcasting
{
    /// <summary>The broadcast shape and, for each of its elements, the flat index into each operand.</summary>
    public static (int[] Shape, int[] LeftIndex, int[] RightIndex) Resolve(int[] left, int[] right, string what)
    {
        var rank = Math.Max(left.Length, right.Length);
        var shape = new int[rank];
        for (var i = 0; i < rank; i++)
        {
            var l = DimensionFromEnd(left, rank - 1 - i);
            var r = DimensionFromEnd(right, rank - 1 - i);
            if (l != r && l != 1 && r != 1)
            {
                throw new FormatException($"{what}: shapes [{string.Join(", ", left)}] and [{string.Join(", ", right)}] do not broadcast.");
            }

            shape[i] = Math.Max(l, r);
        }

        var size = shape.Aggregate(1, (product, d) => product * d);
        var leftIndex = new int[size];
        var rightIndex = new int[size];
        var coordinate = new int[rank];
        for (var flat = 0; flat < size; flat++)
        {
            var rest = flat;
            for (var i = rank - 1; i >= 0; i--)
            {
                coordinate[i] = rest % shape[i];
                rest /= shape[i];
            }

            leftIndex[flat] = FlatIndex(left, coordinate);
            rightIndex[flat] = FlatIndex(right, coordinate);
        }

        return (shape, leftIndex, rightIndex);
    }

    private static int DimensionFromEnd(int[] shape, int fromEnd) => fromEnd < shape.Length ? shape[shape.Length - 1 - fromEnd] : 1;

    private static int FlatIndex(int[] shape, int[] coordinate)
    {
        var offset = coordinate.Length - shape.Length;
        var index = 0;
        for (var i = 0; i < shape.Length; i++)
        {
            index = (index * shape[i]) + (shape[i] == 1 ? 0 : coordinate[offset + i]);
        }

        return index;
    }
}
