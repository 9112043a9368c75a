import { useEffect, useState, type InputHTMLAttributes } from 'react';
import { formatClock, parseClock } from '../format.js';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> & { value: number; onChange: (sec: number) => void };

/** A duration typed as m:ss ("5:00", "90" = 1:30). An unreadable entry is passed on as NaN so the form can say so. */
export function DurationInput({ value, onChange, ...rest }: Props) {
  const [text, setText] = useState(() => (Number.isFinite(value) ? formatClock(value) : ''));
  useEffect(() => {
    // Follow outside changes (a loaded run-down) without fighting the seller's typing.
    setText((cur) => (parseClock(cur) === value ? cur : Number.isFinite(value) ? formatClock(value) : cur));
  }, [value]);
  return (
    <input
      {...rest}
      inputMode="numeric"
      value={text}
      placeholder="5:00"
      onChange={(e) => {
        setText(e.target.value);
        onChange(parseClock(e.target.value) ?? NaN);
      }}
      onBlur={() => {
        const sec = parseClock(text);
        if (sec !== null) setText(formatClock(sec));
      }}
    />
  );
}
