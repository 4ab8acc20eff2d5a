/**
 * The current document's trainable chain (or why there is none), recomputed only when the
 * document changes: it draws the chain's initial weights.
 */
import { useMemo } from 'react';
import {
  documentTrainNetwork,
  type DocumentTrainResult,
} from '../../engine/learning/document-network.ts';
import { useDocumentStore } from '../../store/document/index.ts';

export function useTrainableChain(): DocumentTrainResult {
  const document = useDocumentStore((s) => s.document);
  return useMemo(() => documentTrainNetwork(document), [document]);
}
