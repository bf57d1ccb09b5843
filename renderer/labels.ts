// Bilingual labels (English first, Mandarin under it): the head unit is read at a glance by occupants of either language.
import type { Seat } from '../vehicle-bus/cabin/vehicle-state-types.js';

export interface Label {
  en: string;
  zh: string;
}

export const SEAT_LABELS: Record<Seat, Label> = {
  driver: { en: 'Driver', zh: '主驾' },
  passenger: { en: 'Passenger', zh: '副驾' },
  rear_left: { en: 'Rear left', zh: '左后' },
  rear_right: { en: 'Rear right', zh: '右后' },
};

export const L = {
  heat: { en: 'Heat', zh: '加热' },
  vent: { en: 'Vent', zh: '通风' },
  massage: { en: 'Massage', zh: '按摩' },
  recline: { en: 'Recline', zh: '靠背' },
  slide: { en: 'Slide', zh: '前后' },
  reading: { en: 'Reading light', zh: '阅读灯' },
  ambient: { en: 'Ambient', zh: '氛围灯' },
  dome: { en: 'Dome light', zh: '顶灯' },
  temp: { en: 'Temp', zh: '温度' },
  fan: { en: 'Fan', zh: '风量' },
  airflow: { en: 'Airflow', zh: '风向' },
  power: { en: 'Climate', zh: '空调' },
  auto: { en: 'Auto', zh: '自动' },
  ac: { en: 'A/C', zh: '制冷' },
  recirc: { en: 'Recirc', zh: '内循环' },
  defrost_front: { en: 'Defrost front', zh: '前除霜' },
  defrost_rear: { en: 'Defrost rear', zh: '后除霜' },
  sync: { en: 'Sync', zh: '同步' },
  front: { en: 'Front', zh: '前排' },
  rear: { en: 'Rear', zh: '后排' },
  speed: { en: 'Speed', zh: '车速' },
  conversation: { en: 'Conversation', zh: '对话' },
  talk: { en: 'Talk as', zh: '说话人' },
  speak: { en: 'Speak', zh: '说' },
  queue: { en: 'Queue', zh: '排队' },
  understood: { en: 'Understood', zh: '理解为' },
  confirmed: { en: 'Car confirmed', zh: '车辆确认' },
  simulator: { en: 'Simulator', zh: '模拟器' },
  tuner: { en: 'Style tuner', zh: '风格调校' },
  faults: { en: 'ECU faults', zh: '故障注入' },
  trace: { en: 'CAN trace', zh: 'CAN 报文' },
  pause: { en: 'Pause', zh: '暂停' },
  resume: { en: 'Resume', zh: '继续' },
  export: { en: 'Export candump', zh: '导出日志' },
  changesOnly: { en: 'Only changes', zh: '仅显示变化' },
  filter: { en: 'Filter', zh: '过滤' },
  clear: { en: 'Clear all', zh: '全部清除' },
  apply: { en: 'Apply', zh: '应用' },
  preview: { en: 'Preview', zh: '预览' },
  save: { en: 'Save as new style', zh: '另存为新风格' },
  seatStyles: { en: 'Style per seat', zh: '各座位风格' },
  on: { en: 'On', zh: '开' },
  off: { en: 'Off', zh: '关' },
} satisfies Record<string, Label>;

export const AIRFLOW_LABELS: Record<string, Label> = {
  face: { en: 'Face', zh: '吹面' },
  feet: { en: 'Feet', zh: '吹脚' },
  face_feet: { en: 'Face + feet', zh: '吹面吹脚' },
  windshield_feet: { en: 'Screen + feet', zh: '除雾吹脚' },
};

export const ECU_LABELS: Record<string, Label> = {
  seat_row1: { en: 'Seats, front', zh: '前排座椅' },
  seat_row2: { en: 'Seats, rear', zh: '后排座椅' },
  light: { en: 'Lights', zh: '灯光' },
  climate: { en: 'Climate', zh: '空调' },
  vehicle: { en: 'Vehicle', zh: '整车' },
};
