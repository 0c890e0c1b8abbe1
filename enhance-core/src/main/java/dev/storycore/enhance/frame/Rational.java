package dev.storycore.enhance.frame;

/** An exact fraction, used for frame rates such as 24000/1001. */
public record Rational(long num, long den) {
    public static final Rational ZERO = new Rational(0, 1);

    public Rational {
        if (den <= 0) {
            throw new IllegalArgumentException("denominator must be positive: " + num + "/" + den);
        }
        long g = gcd(Math.abs(num), den);
        if (g > 1) {
            num /= g;
            den /= g;
        }
    }

    public static Rational of(long num, long den) {
        return new Rational(num, den);
    }

    /** Parses "30", "29.97", "30000/1001". */
    public static Rational parse(String text) {
        String t = text.trim();
        int slash = t.indexOf('/');
        try {
            if (slash >= 0) {
                return new Rational(Long.parseLong(t.substring(0, slash).trim()), Long.parseLong(t.substring(slash + 1).trim()));
            }
            java.math.BigDecimal d = new java.math.BigDecimal(t);
            int scale = Math.max(0, d.scale());
            long den = (long) Math.pow(10, scale);
            return new Rational(d.movePointRight(scale).longValueExact(), den);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("not a rate: '" + text + "' (use e.g. 30, 29.97 or 30000/1001)", e);
        }
    }

    public double toDouble() {
        return (double) num / den;
    }

    public boolean isZero() {
        return num == 0;
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a == 0 ? 1 : a;
    }

    @Override
    public String toString() {
        return den == 1 ? Long.toString(num) : num + "/" + den;
    }
}
