import { Input, View } from '@tarojs/components'

export interface FieldProps {
  label: string
  value: string
  onChange: (value: string) => void
  placeholder?: string
  hint?: string
  error?: string | null
  type?: 'text' | 'number' | 'idcard' | 'digit'
  maxlength?: number
  disabled?: boolean
}

export function Field(props: FieldProps) {
  return (
    <View className="l-field">
      <View className="l-field__label">{props.label}</View>
      <Input
        className={`l-field__input${props.error ? ' l-field__input--error' : ''}`}
        value={props.value}
        type={props.type ?? 'text'}
        maxlength={props.maxlength ?? 140}
        placeholder={props.placeholder}
        placeholderClass="l-field__placeholder"
        disabled={props.disabled}
        onInput={(e) => props.onChange(e.detail.value)}
      />
      {props.error ? <View className="l-field__error">{props.error}</View> : null}
      {!props.error && props.hint ? <View className="l-field__hint">{props.hint}</View> : null}
    </View>
  )
}
