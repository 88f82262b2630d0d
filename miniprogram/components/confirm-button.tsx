import Taro from '@tarojs/taro'
import { Button, type ButtonProps } from './button'

export interface ConfirmButtonProps extends Omit<ButtonProps, 'onClick'> {
  /** the question, in plain words: what will happen and that it cannot be undone */
  confirm: string
  confirmTitle?: string
  confirmText?: string
  onConfirm: () => void
}

/** For irreversible actions: asks first, and only a tap on the confirm button goes ahead. */
export function ConfirmButton(props: ConfirmButtonProps) {
  const { confirm, confirmTitle = '请确认', confirmText = '确定', onConfirm, ...rest } = props
  return (
    <Button
      {...rest}
      onClick={() => {
        void Taro.showModal({
          title: confirmTitle,
          content: confirm,
          confirmText,
          cancelText: '再想想',
          confirmColor: rest.kind === 'danger' ? '#b3261e' : '#0a5fb4',
        }).then((res) => {
          if (res.confirm) onConfirm()
        })
      }}
    />
  )
}
