/** Buttons in the console's three strengths; `danger` is for destructive actions behind a confirmation. */
const VARIANTS = {
  primary: 'bg-accent text-accent-ink font-semibold hover:brightness-110',
  secondary: 'border border-line bg-raised text-ink hover:border-muted',
  danger: 'border border-bad/50 bg-bad/15 text-bad hover:bg-bad/25',
  ghost: 'text-muted hover:text-ink hover:bg-raised',
} as const;

export type ButtonVariant = keyof typeof VARIANTS;

export function buttonClass(variant: ButtonVariant = 'secondary', size: 'sm' | 'md' = 'md'): string {
  const pad = size === 'sm' ? 'px-2 py-1 text-xs' : 'px-3 py-1.5 text-sm';
  return `inline-flex items-center justify-center gap-1.5 rounded-md ${pad} disabled:cursor-not-allowed disabled:opacity-50 ${VARIANTS[variant]}`;
}

export function Button({
  variant = 'secondary',
  size = 'md',
  className = '',
  type = 'button',
  ...rest
}: React.ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant; size?: 'sm' | 'md' }) {
  return <button type={type} className={`${buttonClass(variant, size)} ${className}`} {...rest} />;
}
